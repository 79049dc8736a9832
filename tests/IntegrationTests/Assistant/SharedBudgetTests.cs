using CreatorOS.FakeProviders;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Assistant.Spending;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>Two nodes on one database share a coach's daily AI budget and raise the platform alert once.</summary>
public sealed class SharedBudgetTests
{
    private static Dictionary<string, string?> Budget(string coachUsd, string platformUsd = "50") => new()
    {
        ["Ai:CoachDailyBudgetUsd"] = coachUsd,
        ["Ai:PlatformDailyAlertUsd"] = platformUsd,
    };

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_budget_spent_on_one_node_hands_the_coach_to_the_offline_brain_on_the_other(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var _ = database;
        await using var first = await LlmAvery.StartAsync(Budget("0.000001"), database: database);
        await using var second = await LlmAvery.StartAsync(Budget("0.000001"), database: database);
        first.Model.Responder = _ => FakeStep.Say("A model answer with enough words to cost something.");
        second.Model.Responder = _ => FakeStep.Say("The second node's model should not be asked.");

        await using (var chat = await first.OpenChatAsync())
        {
            (await chat.SayAsync("hi")).Reply.ShouldBe("A model answer with enough words to cost something.");
        }

        await second.Avery.SignInAsync();
        var (other, _) = await second.Avery.OpenChatAsync();
        await using var __ = other;
        var turn = await other.SayAsync("Sam");

        turn.Reply.ShouldContain("Sam", customMessage: "the offline brain answered");
        second.Model.ChatRequests.ShouldBe(0, "the budget the first node spent is the second node's too");
        await using var scope = second.Avery.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var spend = await db.CoachDailySpend.AsNoTracking().SingleAsync();
        spend.Calls.ShouldBe(1);
        spend.CostMicroUsd.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Both_nodes_add_to_one_total_even_when_they_record_at_the_same_time(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var _ = database;
        await using var first = new CreatorOsHost(database, settings: Budget("0.50"), ownsDatabase: false);
        await using var second = new CreatorOsHost(database, settings: Budget("0.50"), ownsDatabase: false);
        var (a, b) = (first.Services.GetRequiredService<AiSpending>(), second.Services.GetRequiredService<AiSpending>());
        var coach = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(_ => new[] { a.RecordAsync(coach, 0.02m, default), b.RecordAsync(coach, 0.02m, default) }));

        (await a.SpentTodayAsync(coach, default)).ShouldBe(0.40m);
        (await b.SpentTodayAsync(coach, default)).ShouldBe(0.40m);
        (await b.WithinBudgetAsync(coach, default)).ShouldBeTrue();
        await a.RecordAsync(coach, 0.10m, default);
        (await b.WithinBudgetAsync(coach, default)).ShouldBeFalse("0.50 spent across the two nodes");
        (await a.SpentTodayAsync(Guid.NewGuid(), default)).ShouldBe(0m);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_platform_alert_is_raised_once_a_day_for_the_whole_cluster(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var _ = database;
        await using var first = new CreatorOsHost(database, settings: Budget("100", platformUsd: "50"), ownsDatabase: false);
        await using var second = new CreatorOsHost(database, settings: Budget("100", platformUsd: "50"), ownsDatabase: false);
        var (a, b) = (first.Services.GetRequiredService<AiSpending>(), second.Services.GetRequiredService<AiSpending>());

        await a.RecordAsync(Guid.NewGuid(), 30m, default);
        await b.RecordAsync(Guid.NewGuid(), 15m, default);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().PlatformSpendAlerts.CountAsync()).ShouldBe(0, "45 of 50 USD");
        }

        await b.RecordAsync(Guid.NewGuid(), 10m, default);
        await a.RecordAsync(Guid.NewGuid(), 1m, default);
        await b.RecordAsync(Guid.NewGuid(), 1m, default);

        (await a.PlatformTodayAsync(default)).ShouldBe(57m);
        await using var check = second.Services.CreateAsyncScope();
        var alert = await check.ServiceProvider.GetRequiredService<AssistantDbContext>().PlatformSpendAlerts.AsNoTracking().SingleAsync();
        alert.SpentMicroUsd.ShouldBe(55_000_000, "raised by the node whose call crossed the threshold");
    }
}
