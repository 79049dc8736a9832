using System.Net;
using System.Text.RegularExpressions;

namespace CreatorOS.IntegrationTests.Support;

/// <summary>
/// Talks to server-rendered pages the way a browser does: reads the antiforgery token from the
/// page, posts the form with its Blazor form name, keeps cookies.
/// </summary>
public sealed partial class FormClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string formName, IDictionary<string, string> fields, string? actionUrl = null)
    {
        var page = await http.GetStringAsync(pageUrl);
        var token = AntiforgeryToken(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        if (formName.Length > 0)
        {
            form["_handler"] = formName;
        }

        using var content = new FormUrlEncodedContent(form);
        return await http.PostAsync(actionUrl ?? pageUrl, content);
    }

    public async Task<HttpResponseMessage> SignUpAsync(string email, string password = "correct horse battery", string business = "Strong with Sam") =>
        await SubmitAsync("/account/signup", "signup", new Dictionary<string, string>
        {
            ["Input.BusinessName"] = business,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitAsync("/account/signin", "signin", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
