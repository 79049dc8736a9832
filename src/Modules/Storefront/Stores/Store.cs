namespace CreatorOS.Modules.Storefront.Stores;

/// <summary>A workspace's public store: one per workspace.</summary>
internal sealed class Store
{
    public const int SlugMaxLength = 60;
    public const int BusinessNameMaxLength = 120;

    public required Guid Id { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required string Slug { get; set; }

    /// <summary>The workspace's business name when the store was opened; shown until the coach gives a preferred name.</summary>
    public required string BusinessName { get; set; }

    public string? PreferredName { get; set; }

    public string? Niche { get; set; }

    public string? Specialty { get; set; }

    public string? Bio { get; set; }

    public string Tone { get; set; } = ProfileRules.DefaultTone;

    public string? PhotoUrl { get; set; }

    public required string TemplateId { get; set; }

    /// <summary>True once the owner picked a template; until then setting a niche applies the niche's default.</summary>
    public bool TemplateChosen { get; set; }

    public required string PrimaryColor { get; set; }

    public required string SecondaryColor { get; set; }

    public required string FontFamily { get; set; }

    public required string HeroStyle { get; set; }

    public required string BannerGradient { get; set; }

    public string? PriceCurrency { get; set; }

    public decimal? PriceAmount { get; set; }

    public bool IsShared { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// A new unique stamp on every committed change to the store or anything it shows (blogs,
    /// sessions, subscribers): lets <see cref="StoreViewCache"/> reuse a view across requests and
    /// nodes. A stamp rather than a counter, so two concurrent writers can never leave the same value.
    /// </summary>
    public Guid Revision { get; set; }
}
