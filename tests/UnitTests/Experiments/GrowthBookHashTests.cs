using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.Modules.Experiments.Definitions;

namespace CreatorOS.UnitTests.Experiments;

/// <summary>Bucketing matches GrowthBook's SDKs: the vectors are the "hash" and "getBucketRange" cases of their shared cases.json.</summary>
public sealed class GrowthBookHashTests
{
    [Theory]
    [InlineData("", "a", 1, 0.22)]
    [InlineData("", "b", 1, 0.077)]
    [InlineData("b", "a", 1, 0.946)]
    [InlineData("ef", "d", 1, 0.652)]
    [InlineData("asdf", "8952klfjas09ujk", 1, 0.549)]
    [InlineData("", "123", 1, 0.011)]
    [InlineData("", "___)((*\":&", 1, 0.563)]
    [InlineData("seed", "a", 2, 0.0505)]
    [InlineData("seed", "b", 2, 0.2696)]
    [InlineData("foo", "ab", 2, 0.2575)]
    [InlineData("foo", "def", 2, 0.2019)]
    [InlineData("89123klj", "8952klfjas09ujkasdf", 2, 0.124)]
    [InlineData("90850943850283058242805", "123", 2, 0.7516)]
    [InlineData("()**(%$##$%#$#", "___)((*\":&", 2, 0.0128)]
    [InlineData("feature", "123", 2, 0.5231)]
    public void Buckets_match_the_growthbook_test_vectors(string seed, string value, int version, double expected) =>
        GrowthBookHash.Bucket(seed, value, version)!.Value.ShouldBe(expected, 1e-12);

    [Fact]
    public void An_unknown_hash_version_gives_no_bucket() => GrowthBookHash.Bucket("abc", "def", 99).ShouldBeNull();

    [Fact]
    public void Fnv1a_32_matches_the_published_reference_values()
    {
        GrowthBookHash.Fnv1a32("").ShouldBe(0x811c9dc5u);
        GrowthBookHash.Fnv1a32("a").ShouldBe(0xe40c292cu);
        GrowthBookHash.Fnv1a32("foobar").ShouldBe(0xbf9cf968u);
    }

    [Theory]
    [InlineData(0.0, "a")]
    [InlineData(0.1999, "a")]
    [InlineData(0.2, "b")]
    [InlineData(0.4999, "b")]
    [InlineData(0.5, "c")]
    [InlineData(0.9999, "c")]
    public void Ranges_follow_uneven_weights_like_getBucketRanges(double bucket, string expected) =>
        new BucketRanges([new VariantWeight("a", 20), new VariantWeight("b", 30), new VariantWeight("c", 50)]).Choose(bucket).ShouldBe(expected);

    [Fact]
    public void Choosing_without_built_ranges_gives_the_same_variant_as_the_built_ranges()
    {
        VariantWeight[] weights = [new("control", 30), new("scorecard", 30), new("avery", 40)];
        VariantWeight[] partial = [new("a", 33), new("b", 33)];
        var ranges = new BucketRanges(weights);
        var partialRanges = new BucketRanges(partial);
        for (var i = 0; i < 10_000; i++)
        {
            var bucket = i / 10_000.0;
            BucketRanges.Choose(weights, bucket).ShouldBe(ranges.Choose(bucket));
            BucketRanges.Choose(partial, bucket).ShouldBe(partialRanges.Choose(bucket));
        }
    }

    [Fact]
    public void An_evaluation_allocates_nothing()
    {
        VariantWeight[] weights = [new("control", 30), new("scorecard", 30), new("avery", 40)];
        var units = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid().ToString("D")).ToArray();
        foreach (var unit in units)
        {
            _ = Assigner.Evaluate("onboarding_v1", weights, unit);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var unit in units)
        {
            _ = Assigner.Evaluate("onboarding_v1", weights, unit);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
