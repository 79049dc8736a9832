namespace CreatorOS.Contracts.Storefront;

/// <summary>
/// What other modules (the host's dashboard, the assistant's tools) may read and change of a
/// workspace's store. Every call is scoped to one workspace: callers pass the workspace of the
/// signed-in owner, never one taken from user input.
/// </summary>
public interface IStorefront
{
    IReadOnlyList<StoreTemplateView> Templates { get; }

    Task<StoreView?> FindAsync(Guid workspaceId, CancellationToken cancellationToken);

    Task<StoreView?> FindBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Opens the workspace's store if it has none yet; returns the existing one otherwise.</summary>
    Task<StoreView> OpenAsync(Guid workspaceId, string businessName, CancellationToken cancellationToken);

    Task<StoreResult> UpdateProfileAsync(Guid workspaceId, ProfileChange change, CancellationToken cancellationToken);

    Task<StoreResult> SetPriceAsync(Guid workspaceId, string currency, decimal amount, CancellationToken cancellationToken);

    Task<StoreResult> ApplyTemplateAsync(Guid workspaceId, string templateId, CancellationToken cancellationToken);

    Task<StoreResult<BlogView>> AddBlogAsync(Guid workspaceId, BlogDraft draft, CancellationToken cancellationToken);

    /// <summary>Adds every draft or, if any is invalid, none (one change, one <c>StoreChanged</c> event).</summary>
    Task<StoreResult<IReadOnlyList<BlogView>>> AddBlogsAsync(Guid workspaceId, IReadOnlyList<BlogDraft> drafts, CancellationToken cancellationToken);

    Task<StoreResult> PublishBlogAsync(Guid workspaceId, Guid blogId, CancellationToken cancellationToken);

    Task<StoreResult> DeleteBlogAsync(Guid workspaceId, Guid blogId, CancellationToken cancellationToken);

    Task<StoreResult<LiveSessionView>> ScheduleLiveSessionAsync(Guid workspaceId, string title, DateTimeOffset startsAt, CancellationToken cancellationToken);

    Task<StoreResult> MarkSharedAsync(Guid workspaceId, CancellationToken cancellationToken);

    Task<StoreResult> AddSubscriberAsync(Guid workspaceId, string name, CancellationToken cancellationToken);

    /// <summary>Prices and audience sizes of the stores in a niche that have set a price in this currency.</summary>
    Task<NicheBenchmark> GetNicheBenchmarksAsync(string niche, string currency, CancellationToken cancellationToken);
}

public sealed record NicheBenchmark(string Niche, string Currency, int StoreCount, decimal? MinPrice, decimal? AvgPrice, decimal? MaxPrice, double? AvgSubscribers);

/// <summary>Only the fields that are set are changed.</summary>
public sealed record ProfileChange(
    string? PreferredName = null,
    string? Niche = null,
    string? Specialty = null,
    string? Bio = null,
    string? Tone = null,
    string? PhotoUrl = null);

public sealed record BlogDraft(
    string Title,
    string BodyMarkdown,
    string? Category = null,
    IReadOnlyList<string>? Tags = null,
    string? CoverImageUrl = null,
    string? SourcePlatform = null,
    string? SourcePostId = null,
    bool Publish = false);

public sealed record StoreView(
    Guid Id,
    Guid WorkspaceId,
    string Slug,
    string Path,
    StoreProfileView Profile,
    StoreThemeView Theme,
    StorePriceView? Price,
    bool IsShared,
    IReadOnlyList<BlogView> Blogs,
    IReadOnlyList<LiveSessionView> LiveSessions,
    int SubscriberCount,
    DateTimeOffset UpdatedAt);

public sealed record StoreProfileView(string? PreferredName, string? Niche, string? Specialty, string? Bio, string Tone, string? PhotoUrl);

public sealed record StoreThemeView(string TemplateId, string TemplateName, string PrimaryColor, string SecondaryColor, string FontFamily, string HeroStyle, string BannerGradient);

public sealed record StorePriceView(string Currency, decimal Amount, string Display);

public sealed record BlogView(
    Guid Id,
    string Slug,
    string Title,
    string Status,
    string? Category,
    IReadOnlyList<string> Tags,
    string? CoverImageUrl,
    string Excerpt,
    string? SourcePlatform,
    string? SourcePostId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt);

public sealed record LiveSessionView(Guid Id, string Title, DateTimeOffset StartsAt);

public sealed record StoreTemplateView(string Id, string Name, string Niche, string PrimaryColor, string SecondaryColor, string FontFamily, string HeroStyle, string BannerGradient);

/// <summary>Outcome of a store change: either done, or the field-level reasons it was refused (nothing changed).</summary>
public record StoreResult(IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static StoreResult Ok { get; } = new(new Dictionary<string, string>());

    public static StoreResult Invalid(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}

public sealed record StoreResult<T>(T? Value, IReadOnlyDictionary<string, string> Errors) : StoreResult(Errors)
{
    public static StoreResult<T> Success(T value) => new(value, new Dictionary<string, string>());

    public static new StoreResult<T> Invalid(string field, string message) => new(default, new Dictionary<string, string> { [field] = message });
}
