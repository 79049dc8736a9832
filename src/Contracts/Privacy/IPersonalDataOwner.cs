namespace CreatorOS.Contracts.Privacy;

/// <summary>Whose data a GDPR export or erasure is about.</summary>
public sealed record DataSubject(Guid UserId, IReadOnlyList<Guid> OwnedWorkspaceIds);

/// <summary>
/// Every module that stores anything about a user or their workspaces implements this, so an
/// export is complete and an erasure leaves nothing behind.
/// </summary>
public interface IPersonalDataOwner
{
    /// <summary>Section name in the export document, e.g. "storefront".</summary>
    string Module { get; }

    Task<object> ExportAsync(DataSubject subject, CancellationToken cancellationToken);

    Task EraseAsync(DataSubject subject, CancellationToken cancellationToken);
}
