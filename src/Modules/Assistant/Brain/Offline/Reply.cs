
namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>A tool call the brain asks for, with snake_case arguments as plain .NET values.</summary>
internal sealed record ToolCall(string Name, IReadOnlyDictionary<string, object?> Arguments)
{
    public static ToolCall Of(string name, params (string Key, object? Value)[] arguments) =>
        new(name, arguments.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));
}

/// <summary>What the offline brain decided to answer, before it becomes a ChatResponse.</summary>
internal sealed record Reply
{
    public string Text { get; init; } = string.Empty;

    public IReadOnlyList<ToolCall> Calls { get; init; } = [];

    public IReadOnlyList<AveryButton> Buttons { get; init; } = [];

    public AveryPreview? Preview { get; init; }

    public bool Understood { get; init; } = true;

    public string Intent { get; init; } = "reply";

    public IReadOnlyDictionary<string, string?> Remember { get; init; } = new Dictionary<string, string?>();

    public static Reply Say(string text, string intent, IReadOnlyList<AveryButton>? buttons = null) =>
        new() { Text = text, Intent = intent, Buttons = buttons ?? [] };

    public static Reply Call(string intent, params ToolCall[] calls) => new() { Calls = calls, Intent = intent };

    /// <summary>Puts a sentence before the text (a greeting, an acknowledgement, an answer).</summary>
    public Reply WithLead(string? lead) => string.IsNullOrEmpty(lead) ? this : this with { Text = Join(lead, Text) };

    public Reply Remembering(string key, string? value) => Remembering(new Dictionary<string, string?> { [key] = value });

    /// <summary>Merges facts; the ones given win.</summary>
    public Reply Remembering(IReadOnlyDictionary<string, string?> facts)
    {
        var merged = new Dictionary<string, string?>(Remember, StringComparer.Ordinal);
        foreach (var (key, value) in facts)
        {
            merged[key] = value;
        }

        return this with { Remember = merged };
    }

    public static string Join(params string?[] parts) => string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
