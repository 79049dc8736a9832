using CreatorOS.Contracts.Experiments;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>
/// Realistic dashboard data for browser tests and demos: coaches assigned to onboarding_v1 over the
/// last ten days, Avery's events for them (phases, buttons and free text, functions, skips, errors,
/// API calls with cost, completions with durations), nudges, and activity facts. Deterministic:
/// the coaches' ids come from the seeded generator, so their variants (a hash of the id) and
/// everything drawn after them are the same on every run, and every third Avery coach finishes.
/// </summary>
public static class DashboardSeed
{
    private static readonly string[] Phases = ["discovery", "social_connect", "content_import", "profile_setup", "pricing", "launch", "next_steps", "complete"];
    private static readonly string[] Functions = ["update_coach_profile", "generate_blog_posts", "set_subscription_price", "apply_store_template", "schedule_live_session", "generate_share_content"];

    public static async Task SeedAsync(IServiceProvider services, int coaches = 60)
    {
        var random = new Random(7);
        var averyCoaches = 0;
        var now = DateTimeOffset.UtcNow;
        await using var scope = services.CreateAsyncScope();
        var experiments = scope.ServiceProvider.GetRequiredService<IExperiments>();
        var facts = scope.ServiceProvider.GetRequiredService<Assigner>();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var experimentsDb = scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
        for (var i = 0; i < coaches; i++)
        {
            var workspace = NextGuid(random);
            var unit = workspace.ToString("D");
            var decision = await experiments.AssignAsync(OnboardingExperiment.Key, unit, null, CancellationToken.None);
            await experiments.RecordExposureAsync(OnboardingExperiment.Key, unit, decision.Variant, CancellationToken.None);
            var start = now.AddDays(-random.Next(0, 10)).AddMinutes(-random.Next(30, 600));
            // The coach signed up at "start": back-date the assignment the API just recorded.
            await experimentsDb.Assignments.Where(a => a.UnitId == unit).ExecuteUpdateAsync(a => a.SetProperty(x => x.AssignedAt, start));
            var usesAvery = decision.Variant == OnboardingExperiment.Avery || random.NextDouble() < 0.2;
            if (random.NextDouble() < 0.6)
            {
                await facts.TrackOnceAsync(unit, "active", "d1", null, start.AddDays(random.Next(1, 7)), CancellationToken.None);
            }

            if (!usesAvery)
            {
                // Some coaches finish on the dashboard's checklist or the scorecard instead.
                if (i % 4 == 0)
                {
                    await facts.TrackOnceAsync(unit, MetricEvents.OnboardingCompleted, "first", null, start.AddHours(2), CancellationToken.None);
                }

                continue;
            }

            var reached = decision.Variant != OnboardingExperiment.Avery ? random.Next(0, 4)
                : ++averyCoaches % 3 == 0 ? Phases.Length - 1 : random.Next(2, Phases.Length);
            db.Conversations.Add(new CoachConversation
            {
                WorkspaceId = workspace, UserId = workspace, CurrentPhase = Phases[reached], PhaseData = "{}",
                OnboardingComplete = reached == Phases.Length - 1, LastInteractionAt = start, CreatedAt = start, UpdatedAt = start,
            });
            var at = start;
            Add(db, workspace, "avery_conversation_started", "{}", at);
            for (var phase = 0; phase <= Math.Min(reached, Phases.Length - 2); phase++)
            {
                at = at.AddSeconds(random.Next(10, 60));
                Add(db, workspace, "avery_message_sent", $$"""{"role":"coach","phase":"{{Phases[phase]}}"}""", at);
                Add(db, workspace, random.NextDouble() < 0.45 ? "avery_free_text_used" : "avery_button_clicked", $$"""{"phase":"{{Phases[phase]}}"}""", at);
                Add(db, workspace, "avery_function_executed", $$"""{"name":"{{Functions[random.Next(Functions.Length)]}}","ok":true,"ms":5}""", at);
                Add(db, workspace, "avery_api_call", $$"""{"model":"gpt-4o-mini","cost_usd":{{(random.Next(1, 40) / 10000.0).ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""", at);
                if (random.NextDouble() < 0.12)
                {
                    Add(db, workspace, "avery_skip_clicked", $$"""{"phase":"{{Phases[phase]}}"}""", at);
                }

                if (random.NextDouble() < 0.04)
                {
                    Add(db, workspace, "avery_error", """{"code":"brain_failed"}""", at);
                }
            }

            if (reached == Phases.Length - 1)
            {
                Add(db, workspace, "avery_blog_generated", """{"count":3}""", at);
                Add(db, workspace, "avery_onboarding_completed", $$"""{"durationSeconds":{{(long)(at - start).TotalSeconds + random.Next(0, 400)}}}""", at.AddSeconds(5));
                await facts.TrackOnceAsync(unit, MetricEvents.OnboardingCompleted, "first", null, at.AddSeconds(5), CancellationToken.None);
            }

            db.Nudges.Add(new ScheduledNudge
            {
                Id = Guid.NewGuid(), WorkspaceId = workspace, UserId = workspace, NudgeType = random.NextDouble() < 0.5 ? "no_login_3_days" : "first_blog_reminder",
                ScheduledFor = at.AddDays(1), MessageContent = "Your store misses you", Status = "sent", SentAt = at.AddDays(1),
                RespondedAt = random.NextDouble() < 0.4 ? at.AddDays(1).AddHours(2) : null, CreatedAt = at,
            });
        }

        await db.SaveChangesAsync();
    }

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static void Add(AssistantDbContext db, Guid workspace, string name, string properties, DateTimeOffset at) =>
        db.Events.Add(new AssistantEvent { Id = Guid.CreateVersion7(at), WorkspaceId = workspace, UserId = workspace, EventName = name, Properties = properties, CreatedAt = at });
}
