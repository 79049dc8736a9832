using Microsoft.AspNetCore.Http;

namespace CreatorOS.SharedKernel.Identity;

/// <summary>
/// Requests that are not page navigations: they get status codes (401, 404) rather than the
/// sign-in redirect or an HTML error page. <c>/avery</c> itself is a page; everything under it is not.
/// </summary>
public static class ApiPaths
{
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/media", StringComparison.OrdinalIgnoreCase)
        || (path.StartsWithSegments("/avery", StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue && rest.Value != "/");
}
