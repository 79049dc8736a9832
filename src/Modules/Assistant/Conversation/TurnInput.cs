using CreatorOS.Modules.Assistant.Brain;

namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>One accepted input from the coach: typed text, a clicked button, or a client event.</summary>
internal sealed record TurnInput(string Text, AveryButton? Button, ClientEvent? Event, string? ClientMessageId)
{
    /// <summary>Longest text kept in the history; the brain reads at most 500 characters of it.</summary>
    public const int MaxStoredLength = 4000;
}

/// <summary>The coach a connection speaks for, and the address their store is reached at.</summary>
internal sealed record CoachIdentity(Guid WorkspaceId, Guid UserId, string BusinessName, string PublicBaseUrl)
{
    public string Key => $"{WorkspaceId:N}:{UserId:N}";
}
