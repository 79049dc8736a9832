using CreatorOS.Modules.Storefront.Data;

namespace CreatorOS.Modules.Storefront.Stores;

/// <summary>Which picture and link addresses a store accepts.</summary>
internal static class WebAddress
{
    /// <summary>An absolute http(s) address, or a path on this site ("/uploads/me.jpg"); never "//host" or other schemes.</summary>
    public static bool IsAcceptable(string address)
    {
        if (address.Length is 0 or > StorefrontDbContext.UrlMaxLength || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        if (address[0] == '/')
        {
            // "//host" and "/\host" are read by browsers as another site.
            return address.Length == 1 || (address[1] != '/' && address[1] != '\\');
        }

        return Uri.TryCreate(address, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host);
    }
}
