namespace CreatorOS.Modules.Experiments;

/// <summary>Settings under <c>Experiments</c>.</summary>
internal sealed class ExperimentsOptions
{
    public const string Section = "Experiments";

    /// <summary>
    /// Experiment key → variant everyone sees, unrecorded (GrowthBook's forcedVariations): for QA,
    /// demos and browser tests that need one variant, e.g. <c>Experiments__Forced__onboarding_v1=avery</c>.
    /// </summary>
    public Dictionary<string, string> Forced { get; init; } = [];
}
