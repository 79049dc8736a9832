using BenchmarkDotNet.Attributes;
using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.Modules.Experiments.Definitions;

namespace CreatorOS.Bench.Experiments;

/// <summary>The pure part of an assignment: GrowthBook v2 hash of a 36-character unit id and the choice among 30/30/40.</summary>
[MemoryDiagnoser]
public class AssignmentBenchmarks
{
    private static readonly VariantWeight[] Weights = [new("control", 30), new("scorecard", 30), new("avery", 40)];
    private readonly BucketRanges _ranges = new(Weights);
    private string[] _units = [];
    private int _next;

    [GlobalSetup]
    public void Setup() => _units = [.. Enumerable.Range(0, 4096).Select(_ => Guid.NewGuid().ToString("D"))];

    [Benchmark(Description = "hash only (GrowthBook v2)")]
    public double? Hash() => GrowthBookHash.Bucket("onboarding_v1", _units[_next++ & 4095], 2);

    [Benchmark(Description = "evaluate (hash + ranges built per call)")]
    public string Evaluate() => Assigner.Evaluate("onboarding_v1", Weights, _units[_next++ & 4095]).Variant;

    [Benchmark(Description = "evaluate (hash + cached ranges)")]
    public string? EvaluateCached() => _ranges.Choose(GrowthBookHash.Bucket("onboarding_v1", _units[_next++ & 4095], 2)!.Value);
}
