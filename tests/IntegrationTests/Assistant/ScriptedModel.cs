using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreatorOS.FakeProviders;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>
/// A stand-in for a language model in the Ticket 2.3 scenarios: reads the request as a model would
/// (the coach's last message, the system prompt's facts, the tool results) and answers with words or
/// tool calls in the real wire format. It knows only what the request tells it.
/// </summary>
internal static partial class ScriptedModel
{
    public static FakeStep Answer(FakeRequest request)
    {
        if (request.IsToolRound)
        {
            var summaries = request.ToolResults.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("summary").GetString());
            return FakeStep.Say("Done: " + string.Join(" ", summaries) + " What next?");
        }

        if (request.WantsJson)
        {
            return FakeStep.Say(BlogJson(request.LastUser ?? string.Empty));
        }

        var said = request.LastUser ?? string.Empty;
        if (said.StartsWith("Platform:", StringComparison.Ordinal))
        {
            return FakeStep.Say("My store is live! " + said.Split("Store URL: ")[1].Split(". Price:")[0] + " #coaching");
        }

        var text = said.ToLowerInvariant();
        if (said.Length > 400)
        {
            return FakeStep.Call("update_coach_profile", """{"niche":"fitness","specialty":"strength training for busy parents"}""");
        }

        if (PhotoEvent().Match(said) is { Success: true } photo)
        {
            return FakeStep.Call("update_coach_profile", Json(new { photo_url = photo.Groups[1].Value }));
        }

        if (text.Contains("did not work", StringComparison.Ordinal))
        {
            return FakeStep.Say("That connection didn't go through. Want to try again, or skip for now?");
        }

        if (NameIs().Match(said) is { Success: true } name)
        {
            return FakeStep.Call("update_coach_profile", Json(new { preferred_name = name.Groups[1].Value.Trim() }));
        }

        if (text.Contains("i teach yoga", StringComparison.Ordinal))
        {
            return FakeStep.Call("update_coach_profile", """{"niche":"wellness","specialty":"yoga"}""");
        }

        if (text.Contains("casual", StringComparison.Ordinal))
        {
            return FakeStep.Call("update_coach_profile", """{"tone":"casual","bio":"Hey, I'm Sam! I help busy parents get strong in 30 minutes a day. No fuss, just steady progress."}""");
        }

        if (Price().Match(said) is { Success: true } price)
        {
            var currency = price.Groups[1].Value switch { "€" => "EUR", "$" => "USD", _ => "GBP" };
            return FakeStep.Call("set_subscription_price", Json(new { amount = decimal.Parse(price.Groups[2].Value, CultureInfo.InvariantCulture), currency }));
        }

        if (text.Contains("live sessions work", StringComparison.Ordinal))
        {
            return FakeStep.Say("Live sessions are video classes your subscribers join from your store. Now, back to your store: shall we carry on?");
        }

        if (text.Contains("competitor", StringComparison.Ordinal) || text.Contains("others charge", StringComparison.Ordinal))
        {
            return FakeStep.Call("get_niche_benchmarks", "{}");
        }

        if (text.Contains("how am i doing", StringComparison.Ordinal))
        {
            return FakeStep.Call("get_store_analytics", "{}");
        }

        if (BlogAbout().Match(said) is { Success: true } topic)
        {
            return FakeStep.Call("generate_blog_posts", Json(new { count = 1, custom_topic = topic.Groups[1].Value.Trim() }));
        }

        if (text.Contains("blogs", StringComparison.Ordinal))
        {
            return FakeStep.Call("generate_blog_posts", """{"count":3}""");
        }

        if (text.StartsWith("delete", StringComparison.Ordinal))
        {
            return FakeStep.Say($"Just to check: delete “{FirstBlog(request).Title}”? It can't be undone.");
        }

        if (text.StartsWith("yes, delete", StringComparison.Ordinal))
        {
            return FakeStep.Call("delete_blog_post", Json(new { blog_id = FirstBlog(request).Id, confirmed = true }));
        }

        if (text.Contains("confusing", StringComparison.Ordinal))
        {
            return FakeStep.Say("Sorry! One thing at a time: just tell me your price, or we can skip this step.");
        }

        if (text.Contains("nature", StringComparison.Ordinal))
        {
            return FakeStep.Call("apply_store_template", """{"variant":"nature"}""");
        }

        if (text.Contains("skip", StringComparison.Ordinal))
        {
            return FakeStep.Call("skip_step", "{}");
        }

        if (text.Contains("share", StringComparison.Ordinal))
        {
            return FakeStep.Call(new FakeToolCall("generate_share_content", """{"platform":"instagram"}"""), new FakeToolCall("update_scorecard", """{"item":"shared","done":true}"""));
        }

        if (text.Contains("schedule", StringComparison.Ordinal))
        {
            var at = DateTimeOffset.UtcNow.Date.AddDays(2).AddHours(18).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            return FakeStep.Call("schedule_live_session", Json(new { title = "Strength Q&A", starts_at = at }));
        }

        if (text.Trim() is "hi" or "hello")
        {
            return FakeStep.Say("Hi! Lovely to hear from you. What should I call you?");
        }

        return FakeStep.Say("Tell me a little more?");
    }

    /// <summary>A 300-odd word post on the requested topic, as JSON mode returns it.</summary>
    private static string BlogJson(string request)
    {
        var topic = request.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Topic:", StringComparison.Ordinal))["Topic:".Length..].Trim();
        var title = topic.Split(" — working title: ")[^1];
        var paragraph = string.Join(' ', Enumerable.Repeat("Small, steady steps add up when you repeat them every week.", 8));
        var body = $"## Why it matters\n\n{paragraph}\n\n## How to start\n\n{paragraph}\n\n## Keep it going\n\n{paragraph}";
        return JsonSerializer.Serialize(new { title = "Model: " + title, body, category = "training", tags = new[] { "habits" } });
    }

    private static (string Id, string Title) FirstBlog(FakeRequest request)
    {
        var line = request.System.Split('\n').Single(l => l.StartsWith("BLOGS (id | title):", StringComparison.Ordinal));
        var first = line["BLOGS (id | title):".Length..].Split(';')[0].Split('|');
        return (first[0].Trim(), first[1].Trim());
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [GeneratedRegex(@"^\(I uploaded my profile photo: (\S+)\)$")]
    private static partial Regex PhotoEvent();

    [GeneratedRegex(@"(?:my name is|call me|i'm|i am)\s+([A-Z][\p{L}'-]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NameIs();

    [GeneratedRegex(@"([£$€])\s?(\d+(?:\.\d{1,2})?)")]
    private static partial Regex Price();

    [GeneratedRegex(@"write (?:me )?a blog (?:post )?(?:about|on) (.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex BlogAbout();
}
