namespace CreatorOS.Contracts.Experiments;

/// <summary>
/// Variant assignment for any module (onboarding, learning's viral loops). The unit is whatever
/// the experiment is about (a workspace for coach onboarding, a user for a learner); callers pass
/// their own identifier, never one taken from user input.
/// </summary>
public interface IExperiments
{
    /// <summary>
    /// The unit's variant: its recorded assignment if it has one (sticky across restarts and weight
    /// edits), else a deterministic hash of the unit and the experiment key, recorded once.
    /// Units outside the targeting, or an experiment that is killed or not running, get the default
    /// variant and are not recorded.
    /// </summary>
    Task<ExperimentDecision> AssignAsync(string experimentKey, string unitId, IReadOnlyDictionary<string, string>? attributes, CancellationToken cancellationToken);

    /// <summary>The variant to show without assigning: the recorded one, the winner, or the default.</summary>
    Task<ExperimentDecision> PeekAsync(string experimentKey, string unitId, CancellationToken cancellationToken);

    /// <summary>
    /// Call when a variant was actually rendered. Recorded once per unit (the first exposure), and
    /// only when the rendered variant is the unit's assigned one (a control coach opening the
    /// Avery page by hand is not an exposure to Avery).
    /// </summary>
    Task RecordExposureAsync(string experimentKey, string unitId, string renderedVariant, CancellationToken cancellationToken);

    /// <summary>
    /// A fact about a unit that a metric can count (e.g. <c>store_shared</c>, <c>signed_in</c>).
    /// <paramref name="eventKey"/> is the caller's stable id of the occurrence (its integration event
    /// id, an order number): tracking the same key again, as a redelivered event does, counts once.
    /// </summary>
    Task TrackAsync(string unitId, string eventName, string eventKey, double? value, DateTimeOffset occurredAt, CancellationToken cancellationToken);

    /// <summary>
    /// Call when the unit itself uses the product (a coach opens one of their pages): one activity
    /// fact per UTC day, recorded the same way for every variant, which the 7-day return and 30/90-day
    /// retention metrics count. Things that merely happen to the unit (a subscriber joins, a scheduled
    /// import runs) are not activity.
    /// </summary>
    Task RecordActivityAsync(string unitId, CancellationToken cancellationToken);
}
