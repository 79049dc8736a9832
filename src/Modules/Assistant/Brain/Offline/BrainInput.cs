using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Language;
using CreatorOS.Modules.Assistant.Tools;
using Microsoft.Extensions.AI;

namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>
/// The latest input read from the messages: the coach's message (text, button or client event)
/// and, in a phrasing round, the tool calls of this exchange with their reports.
/// </summary>
internal sealed record BrainInput(ChatMessage? User, AveryButton? Button, ClientEvent? Event, IReadOnlyList<ToolReport> Reports, int ToolRounds, bool IsToolRound)
{
    public string Text => User?.Text ?? string.Empty;

    /// <summary>The coach's text read with the phase in mind (a bare number is a price while pricing).</summary>
    public Understanding Understand(Situation s) =>
        IntentClassifier.Classify(Button?.Label ?? Text, s.Context.Now, s.Phase == OnboardingPhase.Pricing || s.Fact(FactKeys.Awaiting) == "price");

    public static BrainInput Read(IReadOnlyList<ChatMessage> messages)
    {
        var i = messages.Count - 1;
        var results = new List<FunctionResultContent>();
        var calls = new Dictionary<string, FunctionCallContent>(StringComparer.Ordinal);
        var rounds = 0;
        var toolRound = false;
        while (i >= 0)
        {
            var message = messages[i];
            if (message.Role == ChatRole.Tool)
            {
                toolRound = true;
                results.InsertRange(0, message.Contents.OfType<FunctionResultContent>());
            }
            else if (message.Role == ChatRole.Assistant && message.Contents.OfType<FunctionCallContent>().Any())
            {
                rounds++;
                foreach (var call in message.Contents.OfType<FunctionCallContent>())
                {
                    calls[call.CallId] = call;
                }
            }
            else
            {
                break;
            }

            i--;
        }

        var user = i >= 0 && messages[i].Role == ChatRole.User ? messages[i] : null;
        var reports = results.Select(r => Report(r, calls.GetValueOrDefault(r.CallId))).ToList();
        return new BrainInput(
            user,
            user?.AdditionalProperties?.TryGetValue(BrainKeys.Button, out var button) == true ? button as AveryButton : null,
            user?.AdditionalProperties?.TryGetValue(BrainKeys.Event, out var clientEvent) == true ? clientEvent as ClientEvent : null,
            reports,
            rounds,
            toolRound);
    }

    private static ToolReport Report(FunctionResultContent result, FunctionCallContent? call)
    {
        var arguments = call?.Arguments is { } args
            ? new Dictionary<string, object?>(args, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        var outcome = result.Result as ToolResult
            ?? new ToolResult(false, "No result", null, result.Exception is null ? "something went wrong on my side." : "something went wrong on my side — please try again.");
        return new ToolReport(result.CallId, call?.Name ?? string.Empty, arguments, outcome);
    }
}
