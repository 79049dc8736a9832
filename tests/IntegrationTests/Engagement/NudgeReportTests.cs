using CreatorOS.Contracts.Engagement;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>The Avery dashboard's nudge panel reads Engagement's nudges, the only place they are kept.</summary>
public sealed class NudgeReportTests
{
    private static Nudge NudgeOf(string type, DateTimeOffset createdAt, bool sent, bool answered) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkspaceId = Guid.CreateVersion7(),
        UserId = Guid.CreateVersion7(),
        NudgeType = type,
        ScheduledFor = createdAt.AddDays(2),
        IdempotencyKey = "nudge:" + Guid.NewGuid(),
        Template = "{}",
        Buttons = "[]",
        Status = sent ? Nudge.Sent : Nudge.Pending,
        SentAt = sent ? createdAt.AddDays(2) : null,
        RespondedAt = answered ? createdAt.AddDays(2).AddHours(1) : null,
        CreatedAt = createdAt,
    };

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Outcomes_count_scheduled_sent_and_answered_nudges_by_type_within_the_days(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider, settings: new Dictionary<string, string?> { ["Jobs:AutoStart"] = "false" });
        var day = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
            db.Nudges.AddRange(
                NudgeOf("day2_stripe", day, sent: true, answered: true),
                NudgeOf("day2_stripe", day, sent: true, answered: false),
                NudgeOf("day2_stripe", day, sent: false, answered: false),
                NudgeOf("day3_blog", day, sent: true, answered: false),
                NudgeOf("day3_blog", day.AddDays(-5), sent: true, answered: true));
            await db.SaveChangesAsync();
        }

        await using var read = host.Services.CreateAsyncScope();
        var outcomes = await read.ServiceProvider.GetRequiredService<INudgeReport>()
            .OutcomesAsync(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 10), CancellationToken.None);

        outcomes.ShouldBe([new NudgeOutcome("day2_stripe", 3, 2, 1), new NudgeOutcome("day3_blog", 1, 1, 0)]);
    }
}
