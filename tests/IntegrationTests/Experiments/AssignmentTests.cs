using CreatorOS.Contracts.Experiments;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

public sealed class AssignmentTests
{
    private static readonly ExperimentDraft Onboarding = new(
        OnboardingExperiment.Key, "Onboarding v1", null,
        [new("control", 30), new("scorecard", 30), new("avery", 40)], "completion_rate", [], false);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Assignments_are_recorded_once_and_survive_a_restart(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var _ = database;
        var units = Enumerable.Range(0, 60).Select(i => $"coach-{i}").ToList();
        Dictionary<string, string> before;
        await using (var host = new CreatorOsHost(database, ownsDatabase: false))
        {
            before = await AssignAllAsync(host, units);
            (await AssignAllAsync(host, units)).ShouldBe(before);
        }

        await using (var restarted = new CreatorOsHost(database, ownsDatabase: false))
        {
            (await AssignAllAsync(restarted, units)).ShouldBe(before);
            await using var scope = restarted.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
            (await db.Assignments.CountAsync()).ShouldBe(units.Count);
            before.Values.Distinct().Count().ShouldBe(3);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Editing_running_weights_needs_confirmation_makes_a_new_version_and_moves_nobody(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var early = await AssignAllAsync(host, [.. Enumerable.Range(0, 40).Select(i => $"early-{i}")]);
        await using var scope = host.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ExperimentCatalog>();
        var allAvery = Onboarding with { Variants = [new("control", 0), new("scorecard", 0), new("avery", 100)] };

        var unconfirmed = await catalog.UpdateAsync(OnboardingExperiment.Key, allAvery, confirmNewVersion: false, CancellationToken.None);
        unconfirmed.Errors["confirm"].ShouldContain("creates version 2");
        unconfirmed.Errors["confirm"].ShouldContain("40 units already assigned keep their variant");

        var confirmed = await catalog.UpdateAsync(OnboardingExperiment.Key, allAvery, confirmNewVersion: true, CancellationToken.None);
        confirmed.Succeeded.ShouldBeTrue();
        confirmed.Experiment!.Version.ShouldBe(2);

        (await AssignAllAsync(host, [.. early.Keys])).ShouldBe(early);
        var late = await AssignAllAsync(host, [.. Enumerable.Range(0, 20).Select(i => $"late-{i}")]);
        late.Values.ShouldAllBe(v => v == "avery");
        (await catalog.VersionsAsync(confirmed.Experiment.Id, CancellationToken.None)).Select(v => v.Version).ShouldBe([1, 2]);

        var renamed = await catalog.UpdateAsync(OnboardingExperiment.Key, Onboarding with { Variants = [new("control", 50), new("avery_v2", 50)] }, confirmNewVersion: true, CancellationToken.None);
        renamed.Errors["variants"].ShouldContain("cannot be added, removed or renamed");
        var badWeights = await catalog.UpdateAsync(OnboardingExperiment.Key, Onboarding with { Variants = [new("control", 30), new("scorecard", 30), new("avery", 30)] }, confirmNewVersion: true, CancellationToken.None);
        badWeights.Errors["weights"].ShouldBe("Weights must add up to 100; they add up to 90.");
    }

    [Fact]
    public async Task The_kill_switch_shows_control_to_everyone_and_assigns_nobody_until_lifted()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        var before = await AssignAllAsync(host, [.. Enumerable.Range(0, 30).Select(i => $"coach-{i}")]);
        await using var scope = host.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ExperimentCatalog>();
        var experiments = scope.ServiceProvider.GetRequiredService<IExperiments>();

        await catalog.SetKilledAsync(OnboardingExperiment.Key, killed: true, CancellationToken.None);
        var killed = await experiments.AssignAsync(OnboardingExperiment.Key, "coach-0", null, CancellationToken.None);
        killed.ShouldBe(new ExperimentDecision("control", false, null, "killed"));
        (await experiments.AssignAsync(OnboardingExperiment.Key, "newcomer", null, CancellationToken.None)).InExperiment.ShouldBeFalse();

        await catalog.SetKilledAsync(OnboardingExperiment.Key, killed: false, CancellationToken.None);
        (await AssignAllAsync(host, [.. before.Keys])).ShouldBe(before);
        (await experiments.PeekAsync(OnboardingExperiment.Key, "newcomer", CancellationToken.None)).Reason.ShouldBe("not_assigned");
    }

    [Fact]
    public async Task Targeting_keeps_units_outside_it_on_control_and_unrecorded()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = host.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ExperimentCatalog>();
        var experiments = scope.ServiceProvider.GetRequiredService<IExperiments>();
        var created = await catalog.CreateAsync(
            new ExperimentDraft("uk_pricing", "UK pricing", null, [new("control", 50), new("cheaper", 50)], "completion_rate", [new TargetingRule("country", "in", ["GB", "IE"])], false),
            start: true, CancellationToken.None);
        created.Succeeded.ShouldBeTrue();

        var outside = await experiments.AssignAsync("uk_pricing", "u1", new Dictionary<string, string> { ["country"] = "FR" }, CancellationToken.None);
        outside.ShouldBe(new ExperimentDecision("control", false, null, "not_targeted"));
        var inside = await experiments.AssignAsync("uk_pricing", "u1", new Dictionary<string, string> { ["country"] = "GB" }, CancellationToken.None);
        inside.InExperiment.ShouldBeTrue();
        inside.Reason.ShouldBe("assigned");

        var duplicateKey = await catalog.CreateAsync(new ExperimentDraft("uk_pricing", "Again", null, [new("control", 50), new("b", 50)], "completion_rate", [], false), start: false, CancellationToken.None);
        duplicateKey.Errors["key"].ShouldContain("exists already");
    }

    private static async Task<Dictionary<string, string>> AssignAllAsync(CreatorOsHost host, IReadOnlyList<string> units)
    {
        var result = new Dictionary<string, string>();
        foreach (var unit in units)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var experiments = scope.ServiceProvider.GetRequiredService<IExperiments>();
            var decision = await experiments.AssignAsync(OnboardingExperiment.Key, unit, null, CancellationToken.None);
            decision.InExperiment.ShouldBeTrue(decision.Reason);
            result[unit] = decision.Variant;
        }

        return result;
    }
}
