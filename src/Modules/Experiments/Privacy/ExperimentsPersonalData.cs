using CreatorOS.Contracts.Privacy;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Experiments.Privacy;

/// <summary>Assignments, exposures and facts are keyed by unit id: the user's own id or one of their workspaces'.</summary>
internal sealed class ExperimentsPersonalData(ExperimentsDbContext db, CompletedOnboardings completed) : IPersonalDataOwner
{
    public string Module => "experiments";

    public async Task<object> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var units = UnitsOf(subject);
        return new
        {
            assignments = await db.Assignments.AsNoTracking().Where(a => units.Contains(a.UnitId)).ToListAsync(cancellationToken),
            exposures = await db.Exposures.AsNoTracking().Where(x => units.Contains(x.UnitId)).ToListAsync(cancellationToken),
            events = await db.Events.AsNoTracking().Where(e => units.Contains(e.UnitId)).ToListAsync(cancellationToken),
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var units = UnitsOf(subject);
        await db.Assignments.Where(a => units.Contains(a.UnitId)).ExecuteDeleteAsync(cancellationToken);
        await db.Exposures.Where(x => units.Contains(x.UnitId)).ExecuteDeleteAsync(cancellationToken);
        await db.Events.Where(e => units.Contains(e.UnitId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var unit in units)
        {
            // The completion fact is gone, so it may be recorded again.
            completed.Forget(unit);
        }
    }

    private static List<string> UnitsOf(DataSubject subject) =>
        [.. subject.OwnedWorkspaceIds.Append(subject.UserId).Select(id => id.ToString("D"))];
}
