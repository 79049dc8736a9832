namespace CreatorOS.Contracts.Experiments;

/// <summary>What a unit sees and why.</summary>
/// <param name="Variant">The variant key to render.</param>
/// <param name="InExperiment">True when the unit is counted in the experiment (assigned, running, not killed).</param>
/// <param name="Version">The experiment version the assignment was made under, when in the experiment.</param>
/// <param name="Reason">assigned, sticky, killed, not_running, not_targeted, winner, unknown_experiment.</param>
public sealed record ExperimentDecision(string Variant, bool InExperiment, int? Version, string Reason);
