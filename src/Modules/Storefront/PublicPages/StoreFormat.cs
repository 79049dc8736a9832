using System.Globalization;
using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Storefront.PublicPages;

/// <summary>How store facts read on the public pages.</summary>
internal static class StoreFormat
{
    /// <summary>The coach's preferred name, or the store's slug made readable until one is set.</summary>
    public static string DisplayName(StoreView store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!string.IsNullOrWhiteSpace(store.Profile.PreferredName))
        {
            return store.Profile.PreferredName;
        }

        var words = store.Slug.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>Up to two initials for the avatar when there is no photo.</summary>
    public static string Initials(string name)
    {
        var letters = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => word.FirstOrDefault(char.IsLetterOrDigit))
            .Where(c => c != default)
            .Take(2)
            .Select(char.ToUpperInvariant);
        var initials = new string([.. letters]);
        return initials.Length == 0 ? "★" : initials;
    }

    /// <summary>"Fitness · Strength for busy parents".</summary>
    public static string? NicheLine(StoreProfileView profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var niche = string.IsNullOrEmpty(profile.Niche) ? null : char.ToUpperInvariant(profile.Niche[0]) + profile.Niche[1..];
        string?[] parts = [niche, profile.Specialty];
        var line = string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return line.Length == 0 ? null : line;
    }

    /// <summary>Times are stored and shown in UTC; the page says so.</summary>
    public static string SessionTime(DateTimeOffset startsAt) =>
        startsAt.ToUniversalTime().ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string IsoTime(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string BlogPath(StoreView store, BlogView blog) => $"{store.Path}/blog/{blog.Slug}";
}
