using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Jobs;

namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>Rolls up yesterday (and any day missed) shortly after midnight UTC, so the dashboard's first read of the day is cheap.</summary>
internal sealed class InsightsRollupJob(IAssistantInsights insights) : IRecurringJob
{
    public string Key => "assistant.insights-rollup";

    public string CronUtc => "0 10 0 * * ?";

    public Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken) =>
        insights.RollUpAsync(DateOnly.FromDateTime(scheduledAt.UtcDateTime), cancellationToken);
}
