using System.Diagnostics;
using System.Text.Json;
using CreatorOS.AgentRuntime;
using CreatorOS.AgentRuntime.Providers;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Brain.Llm;
using CreatorOS.Modules.Assistant.Spending;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Assistant.Content;

/// <summary>
/// Blog posts written by the generation model in JSON mode (title, 300–500 word markdown body with
/// H2s, category, tags). The offline writer still plans the topics, so titles never repeat; the
/// posts are written in parallel (spec 6.3), and each one that fails — provider error, budget spent,
/// unreadable JSON, wrong length, HTML — is replaced by the offline writer's post on the same topic.
/// </summary>
internal sealed class ModelBlogWriter(
    OfflineBlogWriter offline,
    ModelGateway gateway,
    AiSpending spending,
    ModelCalls calls,
    TurnCoach turn,
    ILogger<ModelBlogWriter> logger) : IBlogWriter
{
    public const int MinWords = 250;
    public const int MaxWords = 650;

    public async Task<IReadOnlyList<BlogDraft>> WriteAsync(BlogBrief brief, int count, string? customTopic, CancellationToken cancellationToken)
    {
        var planned = await offline.WriteAsync(brief, count, customTopic, cancellationToken);
        if (gateway.Client is not { } model || turn.Coach is not { } coach || !await spending.WithinBudgetAsync(coach.WorkspaceId, cancellationToken))
        {
            return planned;
        }

        var results = await Task.WhenAll(planned.Select(draft => WriteOneAsync(model, brief, draft, customTopic, cancellationToken)));
        var written = new List<BlogDraft>();
        for (var i = 0; i < planned.Count; i++)
        {
            var (draft, response, failure, started) = results[i];
            if (response is not null)
            {
                await calls.SucceededAsync(coach, "blog", gateway.Options.GenerationModel, response, started, cancellationToken);
            }
            else if (failure is not null)
            {
                calls.Failed(coach, "blog", gateway.Options.GenerationModel, failure, started);
            }

            written.Add(draft ?? planned[i]);
        }

        return written;
    }

    /// <summary>One post; never throws for a provider problem (the plan's offline post stands in).</summary>
    private async Task<(BlogDraft? Draft, ChatResponse? Response, ProviderException? Failure, long Started)> WriteOneAsync(
        IChatClient model, BlogBrief brief, BlogDraft planned, string? customTopic, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var topic = customTopic is { Length: > 0 } ? $"{customTopic} — working title: {planned.Title}" : planned.Title;
        ChatMessage[] prompt =
        [
            new(ChatRole.System, AveryPrompts.BlogSystem),
            new(ChatRole.User, AveryPrompts.BlogRequest(brief.CoachName, brief.Niche, brief.Specialty, brief.Tone, topic, brief.ExistingTitles)),
        ];
        var options = new ChatOptions
        {
            ModelId = gateway.Options.GenerationModel,
            MaxOutputTokens = gateway.Options.GenerationMaxTokens,
            Temperature = gateway.Options.Temperature,
            ResponseFormat = ChatResponseFormat.Json,
        };
        try
        {
            var response = await model.GetResponseAsync(prompt, options, cancellationToken);
            var draft = Read(response.Text, planned);
            if (draft is null)
            {
                logger.LogWarning("The model's blog post was unusable; the offline post on the same topic is used");
            }

            return (draft, response, null, started);
        }
        catch (ProviderException failure)
        {
            return (null, null, failure, started);
        }
    }

    /// <summary>The model's JSON as a draft, or null when it is not the promised shape.</summary>
    public static BlogDraft? Read(string json, BlogDraft planned)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var title = root.GetProperty("title").GetString()?.Trim();
            var body = root.GetProperty("body").GetString()?.Trim();
            if (string.IsNullOrEmpty(title) || title.Length > 120 || string.IsNullOrEmpty(body) || body.Contains('<', StringComparison.Ordinal))
            {
                return null;
            }

            var words = body.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
            if (words is < MinWords or > MaxWords || !body.Contains("## ", StringComparison.Ordinal))
            {
                return null;
            }

            var category = root.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : planned.Category;
            var tags = root.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim().ToLowerInvariant()).Where(s => s.Length is > 0 and <= 30).Distinct().Take(5).ToList()
                : [.. planned.Tags ?? []];
            return planned with { Title = title, BodyMarkdown = body, Category = category?.Trim().ToLowerInvariant() is { Length: > 0 and <= 40 } cat ? cat : planned.Category, Tags = tags };
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
