using CreatorOS.Contracts.Assistant;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>
/// TopAsync reads whole months as the difference of year-to-date snapshots, the edge days from the
/// daily roll-up and today live: whatever the range, it must give exactly what summing the raw
/// events gives, also after a day is rolled up again.
/// </summary>
public sealed class CostPerCoachPreAggregationTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Top_coaches_over_months_edge_days_and_today_equal_the_sum_of_the_raw_events(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var todayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var random = new Random(17);
        var coaches = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToArray();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            foreach (var coach in coaches)
            {
                for (var n = random.Next(5, 40); n > 0; n--)
                {
                    db.Events.Add(Call(coach, random.Next(1, 400), todayStart.AddDays(-random.Next(1, 130)).AddMinutes(random.Next(0, 1440))));
                    db.Events.Add(Event(coach, AssistantEventNames.FunctionExecuted, $$"""{"name":"f{{random.Next(0, 6)}}"}""", todayStart.AddDays(-random.Next(0, 130))));
                }
            }

            // Today: a coach never seen before who is the costliest at once, and a small one who jumps into the top 5 today.
            db.Events.Add(Call(Guid.NewGuid(), 100_000, now.AddMinutes(-1)));
            db.Events.Add(Call(coaches[^1], 20_000, todayStart));
            db.Events.Add(Call(coaches[0], 3, now.AddMinutes(-2)));
            await db.SaveChangesAsync();
        }

        var monthStart = new DateOnly(today.Year, today.Month, 1);
        (DateOnly From, DateOnly To)[] ranges =
        [
            (today.AddDays(-6), today), (today.AddDays(-29), today), (today.AddDays(-89), today), (today.AddDays(-364), today),
            (monthStart.AddMonths(-3).AddDays(14), monthStart.AddMonths(-1).AddDays(9)), (monthStart.AddMonths(-3), monthStart.AddDays(-1)),
            (monthStart.AddMonths(-2).AddDays(1), monthStart.AddMonths(-1).AddDays(-2)), (today.AddDays(-1), today.AddDays(-1)), (today, today),
        ];
        for (var pass = 0; pass < 4; pass++)
        {
            if (pass == 2)
            {
                // Re-roll a day inside a built month, with an event that arrived late: the month must follow.
                var day = monthStart.AddMonths(-2).AddDays(9);
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
                (await db.YearToDateRollups.CountAsync(y => y.Month == monthStart.AddMonths(-2))).ShouldBeGreaterThan(0, "the month's snapshot was built by the earlier reads");
                db.Events.Add(Call(coaches[3], 50_000, new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)));
                await db.SaveChangesAsync();
                await db.Rollups.Where(r => r.Day == day).ExecuteDeleteAsync();
            }

            if (pass == 3)
            {
                // The nightly job over days and months already rolled changes nothing.
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IAssistantInsights>().RollUpAsync(today, CancellationToken.None);
            }

            foreach (var (from, to) in ranges)
            {
                foreach (var limit in new[] { 5, 1000 })
                {
                    await using var scope = host.Services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
                    var insights = scope.ServiceProvider.GetRequiredService<IAssistantInsights>();
                    var (start, end) = (Start(from), Start(to.AddDays(1)));
                    var events = await db.Events.AsNoTracking().Where(e => e.CreatedAt >= start && e.CreatedAt < end).ToListAsync();

                    var expected = events.Where(e => e.EventName == AssistantEventNames.ApiCall)
                        .GroupBy(e => e.WorkspaceId.ToString("D"))
                        .Select(g => new DimensionTotal(g.Key, g.Count(), g.Sum(e => Cost(e.Properties))))
                        .OrderByDescending(t => t.Total).ThenByDescending(t => t.Count).ThenBy(t => t.Dimension, StringComparer.Ordinal).Take(limit).ToList();
                    var top = await insights.TopAsync(AssistantEventNames.ApiCallPerCoach, from, to, limit, CancellationToken.None);
                    top.Select(t => (t.Dimension, t.Count)).ShouldBe(expected.Select(t => (t.Dimension, t.Count)), $"pass {pass}, {from}..{to}, top {limit}");
                    top.Select(t => t.Total).ShouldBe(expected.Select(t => t.Total), $"pass {pass}, {from}..{to}, top {limit}");

                    // Another dimension read through the same path: function names.
                    var functions = events.Where(e => e.EventName == AssistantEventNames.FunctionExecuted)
                        .GroupBy(e => e.Properties[9..11]).Select(g => (Dimension: g.Key, Count: (long)g.Count()))
                        .OrderByDescending(g => g.Count).ThenBy(g => g.Dimension, StringComparer.Ordinal).Take(limit).ToList();
                    (await insights.TopAsync(AssistantEventNames.FunctionExecuted, from, to, limit, CancellationToken.None))
                        .Select(t => (t.Dimension, t.Count)).ShouldBe(functions, $"functions, pass {pass}, {from}..{to}, top {limit}");
                }
            }
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Every snapshot equals the sum of the daily rows from January 1 (the 2nd month back includes the late event).
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            var snapshots = await db.YearToDateRollups.AsNoTracking().ToListAsync();
            snapshots.Select(y => y.Month).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
            var daily = await db.Rollups.AsNoTracking().ToListAsync();
            foreach (var snapshot in snapshots)
            {
                var days = daily.Where(d => d.EventName == snapshot.EventName && d.Dimension == snapshot.Dimension && d.Day >= new DateOnly(snapshot.Month.Year, 1, 1) && d.Day < snapshot.Month.AddMonths(1)).ToList();
                (snapshot.Count, snapshot.Total).ShouldBe((days.Sum(d => d.Count), days.Sum(d => d.Total)), $"{snapshot.Month} {snapshot.EventName} {snapshot.Dimension}");
            }
        }
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static double Cost(string properties) => double.Parse(properties[12..^1], System.Globalization.CultureInfo.InvariantCulture);

    // Costs in 1/8192 USD: every sum is exact in any order, so totals and ties compare exactly.
    private static AssistantEvent Call(Guid workspace, int units, DateTimeOffset at) =>
        Event(workspace, AssistantEventNames.ApiCall, $$"""{"cost_usd":{{(units / 8192.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}}""", at);

    private static AssistantEvent Event(Guid workspace, string name, string properties, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), WorkspaceId = workspace, UserId = workspace, EventName = name, Properties = properties, CreatedAt = at,
    };
}
