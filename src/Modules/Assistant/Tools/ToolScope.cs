using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Conversation;

namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>
/// Whose store a tool may touch: the signed-in coach's workspace, fixed by the connection,
/// never by a tool argument. Skips change <see cref="State"/> for the rest of the turn.
/// </summary>
internal sealed class ToolScope(Guid workspaceId, Guid userId, string publicBaseUrl, OnboardingPhase phase, PhaseState state)
{
    public Guid WorkspaceId => workspaceId;

    public Guid UserId => userId;

    /// <summary>Scheme and host the coach's public store is reached at, e.g. https://coach.example.</summary>
    public string PublicBaseUrl => publicBaseUrl;

    public OnboardingPhase Phase => phase;

    public PhaseState State { get; set; } = state;

    public string UrlOf(StoreView store) => publicBaseUrl.TrimEnd('/') + store.Path;
}

/// <summary>A tool's answer and which store sections it changed (for the live preview).</summary>
internal sealed record ToolOutcome(ToolResult Result, IReadOnlyList<StoreSection> Changed)
{
    public static ToolOutcome Read(ToolResult result) => new(result, []);

    public static ToolOutcome Refused(string problem, object? data = null) => new(ToolResult.Refused(problem, data), []);

    public static ToolOutcome WithChanges(ToolResult result, params StoreSection[] sections) => new(result, sections);
}

/// <summary>One of Avery's tools: its declaration (name, description, JSON schema) and what it does.</summary>
internal interface IAveryTool
{
    string Name { get; }

    string Description { get; }

    /// <summary>JSON schema of the arguments, as a model sees it.</summary>
    string ParametersSchema { get; }

    /// <summary>
    /// True for tools that only read (benchmarks, analytics, social posts): several of them in one model
    /// turn run at the same time, each in its own service scope. Anything that changes a store or the
    /// turn's state stays false and runs in order.
    /// </summary>
    bool ReadsOnly => false;

    Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken);
}
