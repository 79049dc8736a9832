namespace CreatorOS.Modules.Social.Platforms;

/// <summary>The registered platform clients by name.</summary>
internal sealed class PlatformDirectory(IEnumerable<IPlatformClient> clients)
{
    private readonly Dictionary<string, IPlatformClient> _clients = clients.ToDictionary(c => c.Platform, StringComparer.Ordinal);

    public IPlatformClient? Find(string? platform) => platform is not null && _clients.TryGetValue(platform, out var client) ? client : null;

    public IPlatformClient Get(string platform) => Find(platform) ?? throw new InvalidOperationException($"No client for platform '{platform}'.");
}
