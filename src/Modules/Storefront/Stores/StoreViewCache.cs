using CreatorOS.Contracts.Storefront;
using Microsoft.Extensions.Caching.Memory;

namespace CreatorOS.Modules.Storefront.Stores;

/// <summary>
/// Store views shared across requests and assistant turns. A view is built from four queries
/// (store, blogs, sessions, subscriber count) and is read on every assistant turn and public page;
/// here it costs one: the store row, whose <see cref="Store.Revision"/> must still match the
/// view's. Every commit stamps a new revision, on any node, so a cached view never hides a change.
/// </summary>
/// <remarks>
/// Entries also expire after <see cref="Lifetime"/>, because a view lists only sessions that have
/// not started yet and that changes with the clock, not with a commit. Views carry personal data
/// (names, bio); a deleted store's row is gone, so its view is never served again and expires.
/// </remarks>
internal sealed class StoreViewCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const int MaxViews = 10_000;

    private readonly MemoryCache _views = new(new MemoryCacheOptions { SizeLimit = MaxViews });

    public StoreView? Find(Store store) =>
        _views.TryGetValue(store.Id, out Entry? entry) && entry!.Revision == store.Revision ? entry.View : null;

    public void Keep(Store store, StoreView view) =>
        _views.Set(store.Id, new Entry(store.Revision, view), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => _views.Dispose();

    private sealed record Entry(Guid Revision, StoreView View);
}
