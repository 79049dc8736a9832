using CreatorOS.Contracts.Engagement;
using CreatorOS.Modules.Engagement.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>Counts nudges by type for the Avery dashboard; Engagement owns the nudges (ADR 0010).</summary>
internal sealed class NudgeReport(EngagementDbContext db) : INudgeReport
{
    public async Task<IReadOnlyList<NudgeOutcome>> OutcomesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await db.Nudges.AsNoTracking()
            .Where(n => n.CreatedAt >= start && n.CreatedAt < end)
            .GroupBy(n => n.NudgeType)
            .Select(g => new NudgeOutcome(g.Key, g.LongCount(), g.LongCount(n => n.SentAt != null), g.LongCount(n => n.RespondedAt != null)))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Scheduled)];
    }
}
