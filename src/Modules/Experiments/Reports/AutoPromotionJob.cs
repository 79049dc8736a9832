using CreatorOS.Contracts.Jobs;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.Modules.Experiments.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Experiments.Reports;

/// <summary>
/// Daily: a running experiment with auto-promotion on is concluded with its winner once the call-it
/// rules accept one (95 % chance to beat control, significant after correction, planned sample,
/// minimum run time, no sample-ratio mismatch in the metric's units nor in all of the version's). Promoting twice is refused by the catalog, so a
/// repeated fire changes nothing.
/// </summary>
internal sealed partial class AutoPromotionJob(ExperimentsDbContext db, ExperimentResults results, ExperimentCatalog catalog, ILogger<AutoPromotionJob> logger) : IRecurringJob
{
    public string Key => "experiments.auto-promote";

    public string CronUtc => "0 0 6 * * ?";

    public async Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var candidates = await db.Experiments.AsNoTracking()
            .Where(e => e.AutoPromote && !e.Killed && e.Status == ExperimentStatus.Running && e.Winner == null)
            .Select(e => e.Key)
            .ToListAsync(cancellationToken);
        foreach (var key in candidates)
        {
            var report = await results.ReportAsync(key, null, cancellationToken);
            // The verdict checks the split of the units in the metric's window; the report checks every
            // unit of this version. A window that starts later (return_7d) can hide a broken split
            // among the newest units, and a broken split means nothing can be trusted.
            if (report is { SampleRatioMismatch: false, Verdict: { Status: CallItVerdict.WinnerFound, Winner: { } winner } })
            {
                var promoted = await catalog.PromoteAsync(key, winner, cancellationToken);
                if (promoted.Succeeded)
                {
                    Promoted(logger, key, winner);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment {Key} concluded automatically with winner {Winner}")]
    private static partial void Promoted(ILogger logger, string key, string winner);
}
