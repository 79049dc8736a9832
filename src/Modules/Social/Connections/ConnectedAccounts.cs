using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Social.Data;
using CreatorOS.Modules.Social.Drafts;
using CreatorOS.Modules.Social.Photos;
using CreatorOS.Modules.Social.Platforms;
using CreatorOS.Modules.Social.Posts;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Social.Connections;

/// <summary>The module's face to the others (<see cref="ISocialConnections"/>), always within one workspace.</summary>
internal sealed class ConnectedAccounts(
    SocialDbContext db,
    ConnectFlow flow,
    PostFetcher fetcher,
    PostDrafter drafter,
    ProfilePhotoImport photos,
    IStorefront storefront) : ISocialConnections
{
    /// <summary>At most this many drafts per request (the spec's "3 blogs").</summary>
    public const int MaxDrafts = 3;

    public SocialConnectStart Start(string platform) =>
        SocialPlatforms.IsKnown(platform) && flow.CanConnect(platform)
            ? new SocialConnectStart(platform, "ready", SocialEndpoints.ConnectPath(platform))
            : new SocialConnectStart(platform, "not_available", null);

    /// <summary>
    /// Lists read in this scope. An assistant turn asks before and after its tools; connecting or
    /// disconnecting happens in other requests, and anything here that may mark a connection for
    /// reconnection clears the memo first.
    /// </summary>
    private readonly Dictionary<Guid, IReadOnlyList<SocialConnectionView>> _lists = [];

    public async Task<IReadOnlyList<SocialConnectionView>> ListAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        if (_lists.TryGetValue(workspaceId, out var known))
        {
            return known;
        }

        // Only the columns the view shows: the sealed tokens stay in the database.
        var connections = await db.Connections.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId)
            .Select(c => new { c.Platform, c.AccountName, c.NeedsReconnect, c.ConnectedAt, c.LastSyncAt })
            .ToListAsync(cancellationToken);
        return _lists[workspaceId] = [.. connections
            .OrderBy(c => c.Platform, StringComparer.Ordinal)
            .Select(c => new SocialConnectionView(c.Platform, c.AccountName, c.NeedsReconnect ? "needs_reconnect" : "connected", c.ConnectedAt, c.LastSyncAt))];
    }

    public async Task<SocialTopPosts> GetTopPostsAsync(Guid workspaceId, string? platform, int count, CancellationToken cancellationToken)
    {
        var fetched = await FetchAllAsync(workspaceId, platform, cancellationToken);
        if (fetched is null)
        {
            return new SocialTopPosts("not_connected", []);
        }

        var posts = PostFetcher.Interleave(fetched.Select(f => f.Posts)).Take(Math.Clamp(count, 1, 50)).ToList();
        return posts.Count == 0 && Problem(fetched) is { } problem
            ? new SocialTopPosts("unavailable", [], problem)
            : new SocialTopPosts("ok", posts, Problem(fetched));
    }

    public async Task<SocialDraftResult> DraftBlogsFromTopPostsAsync(Guid workspaceId, int count, CancellationToken cancellationToken)
    {
        var fetched = await FetchAllAsync(workspaceId, null, cancellationToken);
        if (fetched is null)
        {
            return new SocialDraftResult("not_connected", []);
        }

        var store = await storefront.FindAsync(workspaceId, cancellationToken);
        if (store is null)
        {
            return new SocialDraftResult("unavailable", [], "Your store isn't open yet.");
        }

        var used = await drafter.UsedPostKeysAsync(workspaceId, store, cancellationToken);
        var fresh = PostFetcher.Interleave(fetched.Select(f => f.Posts))
            .Where(p => p.PostId.Length <= ImportedPost.PostIdMaxLength && !used.Contains(PostDrafter.KeyOf(p)))
            .Take(Math.Clamp(count, 1, MaxDrafts))
            .ToList();
        if (fresh.Count == 0)
        {
            return Problem(fetched) is { } problem && fetched.All(f => f.Posts.Count == 0)
                ? new SocialDraftResult("unavailable", [], problem)
                : new SocialDraftResult("no_posts", []);
        }

        var drafts = await drafter.DraftAsync(workspaceId, store, fresh, cancellationToken);
        return new SocialDraftResult(drafts.Count > 0 ? "ok" : "no_posts", drafts);
    }

    public Task<SocialPhotoResult> ImportProfilePhotoAsync(Guid workspaceId, string? platform, CancellationToken cancellationToken)
    {
        _lists.Remove(workspaceId);
        return photos.ImportAsync(workspaceId, platform, cancellationToken);
    }

    /// <summary>Null when nothing is connected (on that platform).</summary>
    private async Task<List<FetchedPosts>?> FetchAllAsync(Guid workspaceId, string? platform, CancellationToken cancellationToken)
    {
        _lists.Remove(workspaceId);
        var connections = await db.Connections
            .Where(c => c.WorkspaceId == workspaceId && (platform == null || c.Platform == platform))
            .ToListAsync(cancellationToken);
        if (connections.Count == 0)
        {
            return null;
        }

        var fetched = new List<FetchedPosts>();
        foreach (var connection in connections.OrderBy(c => c.Platform, StringComparer.Ordinal))
        {
            fetched.Add(await fetcher.FetchAsync(connection, cancellationToken));
        }

        return fetched;
    }

    /// <summary>A sentence naming the platforms that failed and why, for the coach.</summary>
    private static string? Problem(List<FetchedPosts> fetched)
    {
        var failures = fetched.Where(f => f.Failure is not null).Select(f => CallbackPage.NameOf(f.Platform) + (f.Failure!.Kind switch
        {
            PlatformFailureKind.TokenRejected => " needs to be connected again",
            PlatformFailureKind.RateLimited => " is limiting requests right now",
            _ => " isn't answering right now",
        })).ToList();
        return failures.Count == 0 ? null : string.Join("; ", failures) + ".";
    }
}
