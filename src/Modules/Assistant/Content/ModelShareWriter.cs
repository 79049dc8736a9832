using System.Diagnostics;
using CreatorOS.AgentRuntime;
using CreatorOS.AgentRuntime.Providers;
using CreatorOS.Modules.Assistant.Brain.Llm;
using CreatorOS.Modules.Assistant.Spending;
using Microsoft.Extensions.AI;

namespace CreatorOS.Modules.Assistant.Content;

/// <summary>
/// The share post written by the conversation model; the offline writer's post when there is no
/// model, the budget is spent, the provider fails, or the text forgot the store's URL or is too long.
/// The tool moderates whichever text comes back before showing it.
/// </summary>
internal sealed class ModelShareWriter(OfflineShareWriter offline, ModelGateway gateway, AiSpending spending, ModelCalls calls, TurnCoach turn) : IShareWriter
{
    public const int MaxLength = 600;

    public async Task<string> WriteAsync(ShareBrief brief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        if (gateway.Client is not { } model || turn.Coach is not { } coach || !await spending.WithinBudgetAsync(coach.WorkspaceId, cancellationToken))
        {
            return await offline.WriteAsync(brief, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        ChatMessage[] prompt =
        [
            new(ChatRole.System, AveryPrompts.ShareSystem),
            new(ChatRole.User, AveryPrompts.ShareRequest(brief.CoachName, brief.Niche, brief.Specialty, brief.StoreUrl, brief.PriceDisplay, brief.Platform)),
        ];
        var options = new ChatOptions { ModelId = gateway.Options.ConversationModel, MaxOutputTokens = 200, Temperature = gateway.Options.Temperature };
        try
        {
            var response = await model.GetResponseAsync(prompt, options, cancellationToken);
            await calls.SucceededAsync(coach, "share", gateway.Options.ConversationModel, response, started, cancellationToken);
            var text = response.Text.Trim();
            return text.Length is > 0 and <= MaxLength && text.Contains(brief.StoreUrl, StringComparison.Ordinal) && !text.Contains('<', StringComparison.Ordinal)
                ? text
                : await offline.WriteAsync(brief, cancellationToken);
        }
        catch (ProviderException failure)
        {
            calls.Failed(coach, "share", gateway.Options.ConversationModel, failure, started);
            return await offline.WriteAsync(brief, cancellationToken);
        }
    }
}
