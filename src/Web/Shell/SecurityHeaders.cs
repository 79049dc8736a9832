namespace CreatorOS.Web.Shell;

internal static class SecurityHeaders
{
    /// <summary>
    /// Everything is served from our own origin (no CDN), so the policy can be strict. Inline
    /// styles carry store theme colours; Alpine's standard build evaluates its expressions with
    /// Function(), hence 'unsafe-eval'; no inline scripts.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-eval'; " +
        "connect-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "SAMEORIGIN";
            await next();
        });
}
