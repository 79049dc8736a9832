using CreatorOS.Contracts.Assistant;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>The dashboard's queries over assistant_events: rolled-up closed days plus today live, on both databases.</summary>
public sealed class AssistantInsightsTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Daily_metrics_and_breakdowns_match_the_events_whether_rolled_up_or_live(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var coachA = Guid.NewGuid();
        var coachB = Guid.NewGuid();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            var twoDaysAgo = now.AddDays(-2);
            db.Events.AddRange(
                Event(coachA, "avery_conversation_started", "{}", twoDaysAgo),
                Event(coachA, "avery_message_sent", """{"role":"coach","phase":"discovery"}""", twoDaysAgo),
                Event(coachA, "avery_function_executed", """{"name":"update_coach_profile","ok":true,"ms":4}""", twoDaysAgo),
                Event(coachA, "avery_function_executed", """{"name":"update_coach_profile","ok":true,"ms":3}""", twoDaysAgo),
                Event(coachA, "avery_function_executed", """{"name":"generate_blog_posts","ok":true,"ms":9}""", twoDaysAgo),
                Event(coachA, "avery_skip_clicked", """{"phase":"social_connect"}""", twoDaysAgo),
                Event(coachA, "avery_api_call", """{"model":"gpt-4o-mini","cost_usd":0.0125}""", twoDaysAgo),
                Event(coachB, "avery_api_call", """{"model":"gpt-4o","cost_usd":0.5}""", twoDaysAgo),
                Event(coachA, "avery_onboarding_completed", """{"durationSeconds":270}""", now.AddDays(-1)),
                Event(coachA, "avery_error", """{"code":"brain_failed"}""", now.AddDays(-1)),
                Event(coachB, "avery_conversation_started", "{}", now),
                Event(coachB, "avery_free_text_used", """{"phase":"discovery","length":12}""", now),
                Event(coachB, "avery_onboarding_completed", """{"durationSeconds":610}""", now));
            await db.SaveChangesAsync();
        }

        for (var pass = 0; pass < 2; pass++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var insights = scope.ServiceProvider.GetRequiredService<IAssistantInsights>();

            var days = await insights.DailyAsync(today.AddDays(-6), today, CancellationToken.None);
            days.Select(d => d.Date).ShouldBe([today.AddDays(-2), today.AddDays(-1), today]);
            var first = days[0];
            (first.ConversationsStarted, first.CoachMessages, first.FunctionsExecuted, first.Skips).ShouldBe((1L, 1L, 3L, 1L));
            first.TotalApiCostUsd.ShouldBe(0.5125m);
            days[1].AvgOnboardingSeconds.ShouldBe(270);
            days[1].Errors.ShouldBe(1);
            days[2].FreeTextMessages.ShouldBe(1);
            days[2].AvgOnboardingSeconds.ShouldBe(610);
            days[2].TotalApiCostUsd.ShouldBeNull();

            var functions = await insights.BreakdownAsync("avery_function_executed", today.AddDays(-6), today, CancellationToken.None);
            functions.Single(f => f.Dimension == "update_coach_profile").Count.ShouldBe(2);
            var costs = await insights.TopAsync(AssistantEventNames.ApiCallPerCoach, today.AddDays(-6), today, 10, CancellationToken.None);
            costs[0].Dimension.ShouldBe(coachB.ToString("D"));
            costs[0].Total.ShouldBe(0.5, 1e-9);
            (await insights.BreakdownAsync(AssistantEventNames.ApiCall, today.AddDays(-6), today, CancellationToken.None)).Sum(c => c.Total).ShouldBe(0.5125, 1e-9);
            var minutes = await insights.BreakdownAsync("avery_onboarding_completed", today.AddDays(-6), today, CancellationToken.None);
            minutes.Select(m => m.Dimension).ShouldBe(["4", "10"], ignoreOrder: true);
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            (await db.Rollups.CountAsync(r => r.EventName == "_rolled")).ShouldBe(6, "six closed days in the range are rolled up once; today is not");
        }
    }

    [Fact]
    public async Task The_funnel_counts_coaches_who_reached_each_phase_with_drop_off()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            string[] phases = ["discovery", "discovery", "social_connect", "pricing", "complete"];
            var now = DateTimeOffset.UtcNow;
            db.Conversations.AddRange(phases.Select(p => new CoachConversation
            {
                WorkspaceId = Guid.NewGuid(), UserId = Guid.NewGuid(), CurrentPhase = p, PhaseData = "{}", LastInteractionAt = now, CreatedAt = now, UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
        }

        await using var read = host.Services.CreateAsyncScope();
        var funnel = await read.ServiceProvider.GetRequiredService<IAssistantInsights>().FunnelAsync(CancellationToken.None);

        funnel.Select(s => (s.Phase, s.Coaches)).ShouldBe([("started", 5L), ("social_connect", 3L), ("content_import", 2L), ("profile_setup", 2L), ("pricing", 2L), ("launch", 1L), ("next_steps", 1L), ("complete", 1L)]);
        funnel[1].DropOffPct.ShouldBe(40);
    }

    private static AssistantEvent Event(Guid workspace, string name, string properties, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), WorkspaceId = workspace, UserId = workspace, EventName = name, Properties = properties, CreatedAt = at,
    };
}
