namespace CreatorOS.Contracts.Engagement;

/// <summary>Nudge performance for dashboards (Ticket 6.2's "nudge performance" panel).</summary>
public interface INudgeReport
{
    /// <summary>Nudges created in [<paramref name="from"/>, <paramref name="to"/>] (UTC days), by type, most scheduled first.</summary>
    Task<IReadOnlyList<NudgeOutcome>> OutcomesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
