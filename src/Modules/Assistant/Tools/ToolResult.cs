namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>
/// What a tool tells the brain. <see cref="Ok"/> false means nothing changed and
/// <see cref="Problem"/> says why in words a coach understands (the brain turns it into a polite
/// clarification). <see cref="Data"/> holds the facts the brain may phrase (JSON-serialisable).
/// </summary>
internal sealed record ToolResult(bool Ok, string Summary, object? Data = null, string? Problem = null)
{
    public static ToolResult Done(string summary, object? data = null) => new(true, summary, data);

    public static ToolResult Refused(string problem, object? data = null) => new(false, problem, data, problem);
}
