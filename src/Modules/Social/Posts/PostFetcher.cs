using CreatorOS.Contracts.Social;
using CreatorOS.Modules.Social.Connections;
using CreatorOS.Modules.Social.Platforms;
using CreatorOS.Modules.Social.Vault;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Social.Posts;

/// <summary>One platform's ranked posts, or why there are none.</summary>
internal sealed record FetchedPosts(string Platform, IReadOnlyList<SocialPostView> Posts, PlatformException? Failure);

/// <summary>Fetches and ranks a connection's posts; a platform failure becomes a value, never an exception.</summary>
internal sealed partial class PostFetcher(ConnectionTokens tokens, ILogger<PostFetcher> log)
{
    public async Task<FetchedPosts> FetchAsync(SocialConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            var posts = await tokens.CallAsync(
                connection,
                (client, token) => client.GetPostsAsync(token, connection.AccountId, BudgetKey(connection), cancellationToken),
                cancellationToken);
            return new FetchedPosts(connection.Platform, TopPostRanking.Rank(connection.Platform, posts), null);
        }
        catch (PlatformException exception)
        {
            LogFetchFailed(log, connection.Platform, exception.Kind, exception.Message);
            return new FetchedPosts(connection.Platform, [], exception);
        }
    }

    /// <summary>Budgets are per connected user, as the platforms count them.</summary>
    public static string BudgetKey(SocialConnection connection) => connection.Platform + ":" + connection.Id.ToString("N");

    /// <summary>Best posts first, taking turns between platforms: their scores (views vs likes) do not compare.</summary>
    public static List<SocialPostView> Interleave(IEnumerable<IReadOnlyList<SocialPostView>> rankedPerPlatform)
    {
        var queues = rankedPerPlatform.Select(r => new Queue<SocialPostView>(r)).Where(q => q.Count > 0).ToList();
        var result = new List<SocialPostView>();
        while (queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                result.Add(queue.Dequeue());
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch {Platform} posts ({Kind}): {Detail}")]
    private static partial void LogFetchFailed(ILogger logger, string platform, PlatformFailureKind kind, string detail);
}
