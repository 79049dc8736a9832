using System.Globalization;
using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>
/// The store's figures a nudge is filled with, read when it is sent. Visitor and blog-view counts
/// are not measured anywhere in CreatorOS yet, so they are null, and sentences that need them
/// are left out rather than showing a made-up number.
/// </summary>
internal sealed record StoreFigures(
    string? Name,
    int Subscribers,
    int PublishedBlogs,
    IReadOnlyList<string> DraftTitles,
    string? MonthlyRevenue,
    int? Visitors,
    int? BlogViews,
    int? Percentile)
{
    public static StoreFigures From(StoreView store, int? percentile)
    {
        var monthly = store.Price is { } price ? Money(price.Currency, price.Amount * store.SubscriberCount) : null;
        return new(
            store.Profile.PreferredName,
            store.SubscriberCount,
            store.Blogs.Count(b => b.Status == "published"),
            [.. store.Blogs.Where(b => b.Status == "draft").Select(b => b.Title)],
            monthly,
            Visitors: null,
            BlogViews: null,
            percentile);
    }

    public static string Money(string currency, decimal amount)
    {
        var symbol = currency.ToUpperInvariant() switch { "GBP" => "£", "USD" => "$", "EUR" => "€", _ => currency.ToUpperInvariant() + " " };
        return symbol + amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
    }
}
