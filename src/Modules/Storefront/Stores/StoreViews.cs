using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Storefront.Blogs;
using CreatorOS.Modules.Storefront.Pricing;
using CreatorOS.Modules.Storefront.Sessions;
using CreatorOS.Modules.Storefront.Themes;

namespace CreatorOS.Modules.Storefront.Stores;

internal static class StoreViews
{
    public static string PathOf(string slug) => "/s/" + slug;

    public static StoreView ToView(Store store, StoreLists lists) => new(
        store.Id,
        store.WorkspaceId,
        store.Slug,
        PathOf(store.Slug),
        new StoreProfileView(store.PreferredName, store.Niche, store.Specialty, store.Bio, store.Tone, store.PhotoUrl),
        new StoreThemeView(
            store.TemplateId,
            StoreTemplates.Find(store.TemplateId)?.Name ?? store.TemplateId,
            store.PrimaryColor,
            store.SecondaryColor,
            store.FontFamily,
            store.HeroStyle,
            store.BannerGradient),
        store.PriceCurrency is { } currency && store.PriceAmount is { } amount
            ? new StorePriceView(currency, amount, PriceRules.Display(currency, amount))
            : null,
        store.IsShared,
        lists.Blogs,
        lists.Sessions,
        lists.Subscribers,
        store.UpdatedAt);

    public static BlogView ToView(Blog blog) => new(
        blog.Id,
        blog.Slug,
        blog.Title,
        blog.Status,
        blog.Category,
        BlogRules.SplitTags(blog.Tags),
        blog.CoverImageUrl,
        BlogMarkdown.Excerpt(blog.BodyMarkdown),
        blog.SourcePlatform,
        blog.SourcePostId,
        blog.CreatedAt,
        blog.PublishedAt);

    public static LiveSessionView ToView(LiveSession session) => new(session.Id, session.Title, session.StartsAt);
}
