namespace CreatorOS.Modules.Social.Platforms;

internal enum PlatformFailureKind
{
    /// <summary>The platform no longer accepts the token (expired, revoked): refresh, else reconnect.</summary>
    TokenRejected,

    /// <summary>Our call budget or the platform's rate limit is spent; try again later.</summary>
    RateLimited,

    /// <summary>The platform is down, slow or answered something we cannot read.</summary>
    Unavailable,

    /// <summary>The platform refused the request itself (bad or used code, denied consent).</summary>
    Refused,
}

/// <summary>A platform call that did not give what we asked for. The message never contains a token.</summary>
internal sealed class PlatformException(string platform, PlatformFailureKind kind, string message) : Exception(message)
{
    public string Platform => platform;

    public PlatformFailureKind Kind => kind;
}
