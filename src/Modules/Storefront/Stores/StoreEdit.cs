using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Storefront.Stores;

/// <summary>
/// What one change to a store did: its result, the sections it changed (none: nothing to save), and
/// how the lists of the store's view move with it, so the view after the commit is derived from the
/// one before instead of being read back (<see cref="StoreLists"/>).
/// </summary>
internal sealed record StoreEdit<TResult>(TResult Result, IReadOnlyList<StoreSection> Sections, Func<StoreLists, StoreLists?>? MoveLists)
    where TResult : StoreResult;

internal static class StoreEdit
{
    /// <summary>Refused, or already so: nothing is saved.</summary>
    public static StoreEdit<TResult> Unchanged<TResult>(TResult result)
        where TResult : StoreResult => new(result, [], null);

    /// <summary>Changed the store row only; the view's lists stay as they were.</summary>
    public static StoreEdit<TResult> Changed<TResult>(TResult result, params StoreSection[] sections)
        where TResult : StoreResult => new(result, sections, null);

    /// <summary>Changed the store and its lists, as <paramref name="moveLists"/> says (null from it: read the view again).</summary>
    public static StoreEdit<TResult> Changed<TResult>(TResult result, StoreSection section, Func<StoreLists, StoreLists?> moveLists)
        where TResult : StoreResult => new(result, [section], moveLists);
}
