using CreatorOS.AgentRuntime;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Brain;
using CreatorOS.Modules.Assistant.Brain.Llm;
using CreatorOS.Modules.Assistant.Protocol;
using CreatorOS.Modules.Assistant.Safety;
using CreatorOS.Modules.Assistant.Tools;
using CreatorOS.SharedKernel.Outbox;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>
/// Runs Avery's conversation: greets on connect, and for each accepted input asks the brain,
/// runs the tools it calls, pushes preview and progress, streams the reply and records it all.
/// Phases advance by themselves as the store fills up (<see cref="PhaseRules"/>).
/// Frames go out in PROTOCOL.md's turn order: typing, tool/preview/progress frames, chunks, the
/// final message, typing off. Only <c>Ai:StreamModelWords</c> (ADR 16, 18) lets a model's words
/// that precede a tool call go out before that call's frames.
/// </summary>
internal sealed class ConversationEngine(
    ConversationLog log,
    IStorefront storefront,
    [FromKeyedServices(AssistantModule.BrainKey)] IChatClient brain,
    ToolExecutor tools,
    IContentModerator moderator,
    IOptions<AssistantOptions> options,
    IOptions<AgentRuntimeOptions> ai,
    ISocialConnections social,
    TimeProvider clock)
{
    public const int HistoryWindow = 20;
    public const int MaxToolRounds = 3;
    public const string ModerationReply = "I can't help with that. Let's get back to setting up your store!";
    public const string LoopReply = "Hmm, let me try a different approach. Want to skip this step?";
    public const string MisunderstoodFact = "misunderstood_streak";

    private const int LoopThreshold = 3;

    /// <summary>On connect: a welcome, a welcome back, or nothing when the coach only reloaded.</summary>
    public async Task GreetAsync(CoachIdentity coach, IFrameSink sink, CancellationToken cancellationToken)
    {
        var (conversation, started) = await log.OpenAsync(coach, cancellationToken);
        var away = clock.GetUtcNow() - conversation.LastInteractionAt;
        var hasHistory = !started && await log.HasMessagesAsync(coach, cancellationToken);
        var occasion = !hasHistory ? Occasion.Welcome
            : away >= options.Value.LongAbsence ? Occasion.LongAbsence
            : away >= options.Value.ResumeAfter ? Occasion.Resume
            : (Occasion?)null;

        var turn = await ContextAsync(coach, conversation, occasion ?? Occasion.Resume, null, cancellationToken);
        await sink.SendAsync(ServerFrames.ProgressUpdate, ProgressPayload(turn));
        (ChatMessage Reply, ConversationMessage Stored)? greeting = null;
        if (occasion is not null)
        {
            var reply = await AskAsync([], turn, coach, null, cancellationToken);
            greeting = (reply, log.Add(coach, ConversationMessage.AveryRole, reply.Text, turn.Phase.WireName(), Buttons(reply), Preview(reply), turn.ProgressPct));
            conversation.LastInteractionAt = clock.GetUtcNow();
        }

        // Saved before it is sent: a coach who sees the greeting finds it in the history too, even
        // if the server stops right after (a test reading the history just after the frame saw it missing).
        conversation.CurrentPhase = turn.Phase.WireName();
        await log.SaveAsync(cancellationToken);
        if (greeting is { } sent)
        {
            await sink.SendAsync(ServerFrames.AveryMessage, MessagePayload(sent.Stored.Id, sent.Reply.Text, sent.Reply, turn));
        }
    }

    public async Task TakeTurnAsync(CoachIdentity coach, TurnInput input, IFrameSink sink, string? replyTo, CancellationToken cancellationToken)
    {
        var (conversation, _) = await log.OpenAsync(coach, cancellationToken);
        var state = PhaseStateJson.Read(conversation.PhaseData);
        var context = await ContextAsync(coach, conversation, Occasion.Turn, null, cancellationToken, state);

        await sink.SendAsync(ServerFrames.AveryTyping, new { isTyping = true }, replyTo);
        var verdict = await moderator.CheckAsync(input.Text, cancellationToken);
        RecordInput(coach, verdict.Flagged ? input with { Text = "[message removed by moderation]" } : input, context);

        string text;
        ChatMessage reply;
        var calls = new List<object>();
        // Live words need both the option (ADR 18: off by default, for the protocol's order) and a
        // word list that judges them one by one (ADR 16: a provider's endpoint judges only the whole reply).
        var live = new LiveReply(sink, replyTo, streamsLive: ai.Value.StreamModelWords && moderator.WordListDecides);
        if (verdict.Flagged)
        {
            reply = new ChatMessage(ChatRole.Assistant, ModerationReply);
            text = ModerationReply;
            log.Track(coach, "avery_message_moderated", new { category = verdict.Category });
        }
        else
        {
            List<ChatMessage> messages;
            if (brain.GetService<IBrainNeeds>()?.NeedsHistory ?? true)
            {
                messages = await HistoryAsync(coach, cancellationToken);
            }
            else
            {
                // The window it would have read: coach and Avery messages, two a turn.
                messages = [];
                context = context with { EarlierMessages = Math.Min(HistoryWindow, conversation.TotalMessages * 2) };
            }

            messages.Add(InputMessage(input));
            (reply, context, state) = await RunBrainAsync(coach, conversation, messages, context, state, sink, calls, replyTo, live, cancellationToken);
            text = reply.Text;
            (text, reply, state) = GuardAgainstLoops(text, reply, state);
        }

        var sent = log.Add(coach, ConversationMessage.AveryRole, text, context.Phase.WireName(), Buttons(reply), Preview(reply), context.ProgressPct, calls.Count > 0 ? calls : null);
        var now = clock.GetUtcNow();
        conversation.PhaseData = PhaseStateJson.Write(state);
        conversation.CurrentPhase = context.Phase.WireName();
        conversation.TotalMessages++;
        conversation.LastInteractionAt = now;
        conversation.UpdatedAt = now;
        var justCompleted = context.Phase == OnboardingPhase.Complete && !conversation.OnboardingComplete;
        if (justCompleted)
        {
            conversation.OnboardingComplete = true;
            conversation.OnboardingCompletedAt = now;
            log.Track(coach, AssistantEventNames.OnboardingCompleted, new { durationSeconds = (long)(now - conversation.CreatedAt).TotalSeconds });
            log.Db.AddIntegrationEvent(new OnboardingCompleted(Guid.CreateVersion7(now), now, coach.WorkspaceId, coach.UserId));
        }

        // Saved before the reply is complete: the coach never gets a final message that was not kept
        // (a model's words may already be streaming; the final message says which of them stand).
        // progress_update went out after each tool round (RunBrainAsync), before any chunk.
        await log.SaveAsync(cancellationToken);

        foreach (var chunk in Chunks(live.Rest(text)))
        {
            await sink.SendAsync(ServerFrames.StreamChunk, new { text = chunk }, replyTo);
        }

        await sink.SendAsync(ServerFrames.StreamEnd, MessagePayload(sent.Id, text, reply, context), replyTo);
        await sink.SendAsync(ServerFrames.AveryTyping, new { isTyping = false }, replyTo);
        if (justCompleted)
        {
            await CelebrateAsync(sink);
        }
    }

    /// <summary>Spec 5.1: confetti and the badge, then the full-screen view gives way to the widget.</summary>
    private async Task CelebrateAsync(IFrameSink sink)
    {
        await sink.SendAsync(ServerFrames.Celebration, new { type = "confetti", badge = "Launch Champion", duration = 3000 });
        var delay = options.Value.ModeChangeDelay;
        _ = Task.Run(async () =>
        {
            await Task.Delay(delay, clock);
            await sink.SendAsync(ServerFrames.ModeChange, new { mode = "minimised" });
        });
    }

    /// <summary>Asks the brain, runs its tool calls, and asks again with the results until it answers in words.</summary>
    private async Task<(ChatMessage Reply, BrainContext Context, PhaseState State)> RunBrainAsync(
        CoachIdentity coach, CoachConversation conversation, List<ChatMessage> messages, BrainContext context, PhaseState state, IFrameSink sink, List<object> calls, string? replyTo, LiveReply live, CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var reply = await AskAsync(messages, context, coach, live, cancellationToken);
            state = Remember(state, reply);
            var requested = reply.Contents.OfType<FunctionCallContent>().ToList();
            if (requested.Count == 0 || round == MaxToolRounds)
            {
                return (reply, context with { State = state }, state);
            }

            var scope = new ToolScope(coach.WorkspaceId, coach.UserId, coach.PublicBaseUrl, context.Phase, state);
            var results = new List<AIContent>();
            var changed = new List<StoreSection>();
            foreach (var batch in tools.Batches(requested))
            {
                foreach (var call in batch)
                {
                    await sink.SendAsync(ServerFrames.FunctionExecuting, new { name = call.Name }, replyTo);
                }

                var outcomes = await tools.RunBatchAsync(batch, scope, cancellationToken);
                for (var i = 0; i < batch.Count; i++)
                {
                    var (call, (outcome, elapsed)) = (batch[i], outcomes[i]);
                    await sink.SendAsync(ServerFrames.FunctionComplete, new { name = call.Name, ok = outcome.Result.Ok, summary = outcome.Result.Summary }, replyTo);
                    results.Add(new FunctionResultContent(call.CallId, outcome.Result));
                    changed.AddRange(outcome.Changed);
                    calls.Add(new { name = call.Name, ok = outcome.Result.Ok, summary = outcome.Result.Summary });
                    log.Track(coach, AssistantEventNames.FunctionExecuted, new { name = call.Name, ok = outcome.Result.Ok, ms = (int)elapsed.TotalMilliseconds });
                    if (call.Name == ToolNames.GenerateBlogPosts && outcome.Result.Data is BlogsWrittenData written)
                    {
                        log.Track(coach, AssistantEventNames.BlogGenerated, new { count = written.Blogs.Count });
                    }

                    if (call.Name == ToolNames.SkipStep && outcome.Result.Ok)
                    {
                        log.Track(coach, AssistantEventNames.SkipClicked, new { phase = context.Phase.WireName() });
                    }
                }
            }

            state = scope.State;
            var (previous, earlier) = (context.Phase, context.EarlierMessages);
            context = await ContextAsync(coach, conversation, Occasion.Turn, null, cancellationToken, state);
            context = context with { PreviousPhase = context.Phase != previous ? previous : null, EarlierMessages = earlier };
            var fields = StoreSnapshot.Fields(changed);
            if (fields.Count > 0)
            {
                await sink.SendAsync(ServerFrames.StorePreviewUpdate, new { store = StoreSnapshot.Of(context.Store, context.StoreUrl), changedFields = fields }, replyTo);
            }

            // Here, not after the brain answered: the next round's words may stream live, and PROTOCOL.md
            // puts progress before every chunk. Tools ran, and the context (so the phase) is recomputed
            // only here, so this is the turn's whole "phase changed or tools ran" rule; the last round's
            // payload is the one the turn ends with.
            await sink.SendAsync(ServerFrames.ProgressUpdate, ProgressPayload(context), replyTo);

            messages.Add(new ChatMessage(ChatRole.Assistant, [.. requested]));
            messages.Add(new ChatMessage(ChatRole.Tool, results));
        }
    }

    /// <summary>Spec 6.4: three exchanges the brain could not follow in a row → offer another way or a skip.</summary>
    private static (string Text, ChatMessage Reply, PhaseState State) GuardAgainstLoops(string text, ChatMessage reply, PhaseState state)
    {
        var understood = reply.AdditionalProperties?.TryGetValue(BrainKeys.Understood, out var value) != true || value is not false;
        var streak = understood ? 0 : (int.TryParse(state.Fact(MisunderstoodFact), out var s) ? s : 0) + 1;
        if (streak >= LoopThreshold)
        {
            var offer = new ChatMessage(ChatRole.Assistant, LoopReply)
            {
                AdditionalProperties = new AdditionalPropertiesDictionary
                {
                    [BrainKeys.Buttons] = new List<AveryButton>
                    {
                        new("Skip this step", "skip", Variant: "skip"),
                        new("Let's keep going", "keep_going", Variant: "secondary"),
                    },
                },
            };
            return (LoopReply, offer, state.Remember(new Dictionary<string, string?> { [MisunderstoodFact] = null }));
        }

        return (text, reply, state.Remember(new Dictionary<string, string?> { [MisunderstoodFact] = streak == 0 ? null : streak.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    private async Task<ChatMessage> AskAsync(List<ChatMessage> messages, BrainContext context, CoachIdentity coach, LiveReply? live, CancellationToken cancellationToken)
    {
        var chatOptions = new ChatOptions
        {
            Tools = tools.Declarations(),
            AdditionalProperties = new AdditionalPropertiesDictionary { [BrainKeys.Context] = context, [LlmKeys.Coach] = coach },
        };
        if (live is not null)
        {
            chatOptions.AdditionalProperties[LlmKeys.LiveReply] = live;
        }

        var response = await brain.GetResponseAsync(messages, chatOptions, cancellationToken);
        return response.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant) ?? new ChatMessage(ChatRole.Assistant, string.Empty);
    }

    private async Task<BrainContext> ContextAsync(CoachIdentity coach, CoachConversation conversation, Occasion occasion, OnboardingPhase? previous, CancellationToken cancellationToken, PhaseState? state = null)
    {
        state ??= PhaseStateJson.Read(conversation.PhaseData);
        var store = await storefront.FindAsync(coach.WorkspaceId, cancellationToken)
            ?? await storefront.OpenAsync(coach.WorkspaceId, coach.BusinessName, cancellationToken);
        var scorecard = PhaseRules.ScorecardOf(store, socialsConnected: await social.AnyAsync(coach.WorkspaceId, cancellationToken));
        var now = clock.GetUtcNow();
        return new BrainContext(
            PhaseRules.CurrentPhase(store, scorecard, state),
            previous,
            store,
            coach.PublicBaseUrl.TrimEnd('/') + store.Path,
            scorecard,
            PhaseRules.ProgressPct(store, scorecard, state),
            state,
            conversation.OnboardingComplete,
            occasion,
            now,
            (int)(now - conversation.LastInteractionAt).TotalDays);
    }

    private async Task<List<ChatMessage>> HistoryAsync(CoachIdentity coach, CancellationToken cancellationToken) =>
        [.. (await log.HistoryAsync(coach, HistoryWindow, cancellationToken))
            .Select(m => new ChatMessage(m.Role == ConversationMessage.CoachRole ? ChatRole.User : ChatRole.Assistant, m.Content))];

    private static ChatMessage InputMessage(TurnInput input)
    {
        var message = new ChatMessage(ChatRole.User, input.Text) { AdditionalProperties = [] };
        if (input.Button is not null)
        {
            message.AdditionalProperties[BrainKeys.Button] = input.Button;
        }

        if (input.Event is not null)
        {
            message.AdditionalProperties[BrainKeys.Event] = input.Event;
        }

        return message;
    }

    private void RecordInput(CoachIdentity coach, TurnInput input, BrainContext context)
    {
        var phase = context.Phase.WireName();
        if (input.Event is not null)
        {
            log.Add(coach, ConversationMessage.SystemRole, input.Text, phase, clientMessageId: input.ClientMessageId);
            return;
        }

        var stored = input.Text.Length > TurnInput.MaxStoredLength ? input.Text[..TurnInput.MaxStoredLength] : input.Text;
        log.Add(coach, ConversationMessage.CoachRole, stored, phase, clientMessageId: input.ClientMessageId);
        if (input.Button is not null)
        {
            log.Track(coach, AssistantEventNames.ButtonClicked, new { action = input.Button.Action, phase });
            if (input.Button.Action == "skip")
            {
                log.Track(coach, AssistantEventNames.SkipClicked, new { phase, via = "button" });
            }
        }
        else
        {
            log.Track(coach, AssistantEventNames.FreeTextUsed, new { phase, length = input.Text.Length });
        }
    }

    private static PhaseState Remember(PhaseState state, ChatMessage reply) =>
        reply.AdditionalProperties?.TryGetValue(BrainKeys.Remember, out var facts) == true && facts is IReadOnlyDictionary<string, string?> remembered
            ? state.Remember(remembered)
            : state;

    private static IReadOnlyList<AveryButton>? Buttons(ChatMessage reply) =>
        reply.AdditionalProperties?.TryGetValue(BrainKeys.Buttons, out var value) == true ? value as IReadOnlyList<AveryButton> : null;

    private static AveryPreview? Preview(ChatMessage reply) =>
        reply.AdditionalProperties?.TryGetValue(BrainKeys.Preview, out var value) == true ? value as AveryPreview : null;

    private static object MessagePayload(Guid id, string text, ChatMessage reply, BrainContext context) => new
    {
        id,
        content = text,
        buttons = Buttons(reply),
        preview = Preview(reply),
        progressPct = context.ProgressPct,
        phase = context.Phase.WireName(),
    };

    private static object ProgressPayload(BrainContext context) => new
    {
        progressPct = context.ProgressPct,
        phase = context.Phase.WireName(),
        scorecard = new { photo = context.Scorecard.Photo, socials = context.Scorecard.Socials, blogs = context.Scorecard.Blogs, shared = context.Scorecard.Shared, live = context.Scorecard.Live },
    };

    /// <summary>The reply in small pieces, so clients render every brain's answer the same streaming way.</summary>
    public static IEnumerable<string> Chunks(string text, int wordsPerChunk = 4)
    {
        var start = 0;
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && ++words == wordsPerChunk)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
                words = 0;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
