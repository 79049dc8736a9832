namespace CreatorOS.AgentRuntime.Moderation;

/// <summary>A provider's verdict on a text; <see cref="Category"/> names the first flagged category.</summary>
public sealed record ModerationCheck(bool Flagged, string? Category);
