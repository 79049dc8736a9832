using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Tools;

// The Data of each tool's ToolResult. Brains read these; an LLM brain receives them as JSON.

internal sealed record ProfileUpdatedData(IReadOnlyList<string> Changed);

/// <summary>Status: "authorize" (AuthorizeUrl to open) | "connected" (already) | "not_available" (no credentials for it on this server).</summary>
internal sealed record SocialConnectData(string Platform, string Status, string? AuthorizeUrl);

internal sealed record BlogsWrittenData(IReadOnlyList<BlogView> Blogs);

internal sealed record PriceSetData(StorePriceView Price);

internal sealed record TemplateAppliedData(string TemplateId, string TemplateName, IReadOnlyList<string> Variants);

internal sealed record StoreAnalyticsData(
    int PublishedBlogs,
    int DraftBlogs,
    int Subscribers,
    decimal MonthlyRevenue,
    string? Currency,
    int UpcomingLiveSessions,
    int ScorecardDone);

internal sealed record NicheBenchmarkData(string Niche, int CoachCount, decimal? MinPrice, decimal? AvgPrice, decimal? MaxPrice, double? AvgSubscribers, string Currency);

internal sealed record ShareContentData(string Platform, string Text, string Url);

/// <summary>Status: "not_available" until payments are connected (a later issue); NextStep says what the coach can do now.</summary>
internal sealed record StripeSetupData(string Status, string NextStep);

/// <summary>Problem names platforms that could not be read (down, rate limited, needs reconnecting).</summary>
internal sealed record SocialPostsData(bool Connected, IReadOnlyList<SocialPostSummary> Posts, string? Problem = null);

internal sealed record SocialDraftsData(IReadOnlyList<BlogView> Drafts);

internal sealed record BlogsPublishedData(IReadOnlyList<BlogView> Blogs);

internal sealed record SocialPostSummary(string Platform, string Caption, string? MediaUrl, int Score);

internal sealed record BlogDeletedData(Guid Id, string Title);

internal sealed record StepSkippedData(string Phase);
