using System.Text.Json;

namespace CreatorOS.Modules.Experiments.Definitions;

/// <summary>An experiment (spec table ab_tests): its variants and weights, metric, targeting and state.</summary>
internal sealed class Experiment
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required Guid Id { get; init; }

    /// <summary>Stable key callers use, e.g. <c>onboarding_v1</c>; also the hash seed.</summary>
    public required string Key { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>draft, running, stopped or concluded.</summary>
    public required string Status { get; set; }

    /// <summary>Goes up by one on every change of weights or targeting; assignments keep theirs.</summary>
    public required int Version { get; set; }

    /// <summary>JSON array of <see cref="VariantWeight"/>; the first is the default (control).</summary>
    public required string Variants { get; set; }

    /// <summary>JSON array of <see cref="TargetingRule"/>.</summary>
    public required string Targeting { get; set; }

    public required string PrimaryMetric { get; set; }

    /// <summary>Everyone sees the default variant and nobody new is assigned, while true.</summary>
    public bool Killed { get; set; }

    /// <summary>The daily check may promote a winner the call-it rules accept.</summary>
    public bool AutoPromote { get; set; }

    /// <summary>Set when concluded with a winner: everyone sees it from then on.</summary>
    public string? Winner { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? ConcludedAt { get; set; }

    public IReadOnlyList<VariantWeight> VariantList() => JsonSerializer.Deserialize<List<VariantWeight>>(Variants, Json) ?? [];

    public IReadOnlyList<TargetingRule> TargetingRules() => JsonSerializer.Deserialize<List<TargetingRule>>(Targeting, Json) ?? [];

    public string DefaultVariant => VariantList() is [var first, ..] ? first.Key : "control";
}
