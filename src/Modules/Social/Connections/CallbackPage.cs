using System.Net;
using System.Reflection;

namespace CreatorOS.Modules.Social.Connections;

/// <summary>
/// The small page the popup ends on. The CSP allows no inline script, so the page carries its
/// outcome in data attributes and loads <c>oauth-done.js</c> from our origin.
/// </summary>
internal static class CallbackPage
{
    public const string ScriptPath = "/social/oauth-done.js";

    public static readonly byte[] Script = ReadScript();

    public static string Render(string platform, ConnectOutcome outcome)
    {
        var name = WebUtility.HtmlEncode(NameOf(platform));
        var text = outcome.Reason switch
        {
            "connected" => $"{name} is connected. You can close this window and carry on with Avery.",
            "not_available" => $"{name} can't be connected on this server yet. Close this window and skip this step in the chat.",
            "unavailable" => $"{name} isn't answering right now. Connection didn't go through. Try again or skip?",
            _ => "Connection didn't go through. Try again or skip?",
        };
        var ok = outcome.Ok ? "true" : "false";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{name} connection</title></head>
            <body data-platform="{WebUtility.HtmlEncode(platform)}" data-ok="{ok}" data-reason="{WebUtility.HtmlEncode(outcome.Reason)}">
            <main style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
            <p id="social-outcome">{text}</p>
            <p><a href="/avery">Back to Avery</a></p>
            </main>
            <script src="{ScriptPath}"></script>
            </body>
            </html>
            """;
    }

    public static string NameOf(string platform) => platform switch
    {
        "instagram" => "Instagram",
        "tiktok" => "TikTok",
        "youtube" => "YouTube",
        _ => "Your account",
    };

    private static byte[] ReadScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("oauth-done.js")
            ?? throw new InvalidOperationException("oauth-done.js is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
