using System.Text.Json;

namespace CreatorOS.FakeProviders;

/// <summary>A request the fake received, read back for assertions and for scripted answers.</summary>
public sealed record FakeRequest(string Path, string Model, bool Stream, IReadOnlyList<FakeMessage> Messages, IReadOnlyList<string> ToolNames, JsonElement Body)
{
    /// <summary>True when the client asked for a JSON answer (OpenAI's response_format; Anthropic's system-prompt instruction).</summary>
    public bool WantsJson { get; init; }

    public string System => string.Join("\n", Messages.Where(m => m.Role == "system").Select(m => m.Content));

    /// <summary>The last thing the coach said, or null.</summary>
    public string? LastUser => Messages.LastOrDefault(m => m.Role == "user")?.Content;

    /// <summary>True when the last message is a tool result: the model is asked to phrase what the tools did.</summary>
    public bool IsToolRound => Messages.Count > 0 && Messages[^1].Role == "tool";

    /// <summary>The tool results of the current round (their JSON text).</summary>
    public IReadOnlyList<string> ToolResults => [.. Messages.Reverse().TakeWhile(m => m.Role == "tool").Reverse().Select(m => m.Content)];
}

public sealed record FakeMessage(string Role, string Content);
