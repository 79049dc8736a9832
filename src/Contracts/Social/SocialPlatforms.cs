namespace CreatorOS.Contracts.Social;

/// <summary>The platforms a coach can connect; the names are the wire values of the Avery protocol and tools.</summary>
public static class SocialPlatforms
{
    public const string Instagram = "instagram";
    public const string TikTok = "tiktok";
    public const string YouTube = "youtube";

    public static readonly IReadOnlyList<string> All = [Instagram, TikTok, YouTube];

    public static bool IsKnown(string? platform) => platform is Instagram or TikTok or YouTube;
}
