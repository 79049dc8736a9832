using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Engagement;
using CreatorOS.Contracts.Experiments;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Experiments.Dashboard;

/// <summary>
/// The panels of the assistant dashboard (spec Ticket 6.2). Avery's data comes through
/// <see cref="IAssistantInsights"/> (ADR 0012); variant splits come from this module's assignments
/// of <c>onboarding_v1</c>. Each panel is built on its own, so the page and the CSV export share it
/// and the benchmark can time it.
/// </summary>
internal sealed class DashboardPanels(IAssistantInsights insights, INudgeReport nudgeReport, ExperimentsDbContext db, MetricCalculator metrics, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Keys =
        ["daily", "funnel", "completion", "duration", "functions", "input", "skips", "errors", "cost", "cost-per-coach", "nudges", "retention"];

    private static readonly (string Label, int From, int To)[] DurationBins =
        [("0–1 min", 0, 1), ("1–2 min", 1, 2), ("2–3 min", 2, 3), ("3–5 min", 3, 5), ("5–10 min", 5, 10), ("10–20 min", 10, 20), ("20–60 min", 20, 60), ("60+ min", 60, int.MaxValue)];

    public async Task<PanelTable?> BuildAsync(string key, int days, CancellationToken cancellationToken)
    {
        var to = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = to.AddDays(1 - days);
        return key switch
        {
            "daily" => await DailyAsync(from, to, cancellationToken),
            "funnel" => await FunnelAsync(cancellationToken),
            "completion" => await CompletionAsync(from, to, cancellationToken),
            "duration" => await DurationAsync(from, to, cancellationToken),
            "functions" => await TopAsync("functions", "Function usage", AssistantEventNames.FunctionExecuted, "Function", from, to, "Avery has not run a function in this period.", cancellationToken),
            "input" => await InputAsync(from, to, cancellationToken),
            "skips" => await SkipsAsync(from, to, cancellationToken),
            "errors" => await ErrorsAsync(from, to, cancellationToken),
            "cost" => await CostPerDayAsync(from, to, cancellationToken),
            "cost-per-coach" => await CostPerCoachAsync(from, to, cancellationToken),
            "nudges" => await NudgesAsync(from, to, cancellationToken),
            "retention" => await RetentionAsync(cancellationToken),
            _ => null,
        };
    }

    private async Task<PanelTable> DailyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await insights.DailyAsync(from, to, cancellationToken);
        return new PanelTable(
            "daily", "Daily Avery metrics (avery_daily_metrics)",
            ["date", "conversations_started", "onboardings_completed", "coach_messages", "avery_messages", "button_clicks", "free_text_messages", "functions_executed", "blogs_generated", "skips", "errors", "avg_onboarding_seconds", "total_api_cost_usd"],
            [.. rows.Select(d => (IReadOnlyList<string>)[Format.Day(d.Date), Format.Int(d.ConversationsStarted), Format.Int(d.OnboardingsCompleted), Format.Int(d.CoachMessages), Format.Int(d.AveryMessages), Format.Int(d.ButtonClicks), Format.Int(d.FreeTextMessages), Format.Int(d.FunctionsExecuted), Format.Int(d.BlogsGenerated), Format.Int(d.Skips), Format.Int(d.Errors), Format.Num(d.AvgOnboardingSeconds, 0), d.TotalApiCostUsd is { } c ? Format.Num((double)c, 4) : ""])],
            Charts.Line([.. rows.Select(d => Format.Day(d.Date))], [("conversations started", [.. rows.Select(d => (double?)d.ConversationsStarted)]), ("onboardings completed", [.. rows.Select(d => (double?)d.OnboardingsCompleted)])]),
            "No Avery activity in this period.");
    }

    private async Task<PanelTable> FunnelAsync(CancellationToken cancellationToken)
    {
        var steps = await insights.FunnelAsync(cancellationToken);
        var empty = steps.Count == 0 || steps[0].Coaches == 0;
        return new PanelTable(
            "funnel", "Funnel by phase (all coaches who met Avery)",
            ["phase", "coaches", "drop_off_pct"],
            empty ? [] : [.. steps.Select(s => (IReadOnlyList<string>)[s.Phase, Format.Int(s.Coaches), Format.Num(s.DropOffPct, 1)])],
            Charts.Bar([.. steps.Select(s => s.Phase)], [("coaches", [.. steps.Select(s => (double?)s.Coaches)])], yTitle: "coaches"),
            "No coach has started a conversation with Avery yet.");
    }

    private async Task<PanelTable> CompletionAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Key == OnboardingExperiment.Key, cancellationToken);
        if (experiment is null)
        {
            return new PanelTable("completion", "Completion rate by day and variant", ["date", "variant", "assigned", "completed", "completion_pct"], [], null, "The onboarding_v1 experiment does not exist.");
        }

        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var cohort = await db.Assignments.AsNoTracking()
            .Where(a => a.ExperimentId == experiment.Id && a.AssignedAt >= start && a.AssignedAt < end)
            .Select(a => new { a.UnitId, a.Variant, a.AssignedAt })
            .ToListAsync(cancellationToken);
        // Every variant's completion (the completion_rate metric's facts, one per coach), not only
        // Avery's event: control and scorecard coaches finish onboarding on other paths.
        var completed = (await db.Events.AsNoTracking()
                .Where(e => e.EventName == MetricEvents.OnboardingCompleted && e.OccurredAt >= start)
                .Select(e => e.UnitId)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var variants = experiment.VariantList().Select(v => v.Key).ToList();
        var byDay = cohort.GroupBy(c => (Day: DateOnly.FromDateTime(c.AssignedAt.UtcDateTime), c.Variant))
            .ToDictionary(g => g.Key, g => (Assigned: g.Count(), Completed: g.Count(c => completed.Contains(c.UnitId))));
        var dayList = byDay.Keys.Select(k => k.Day).Distinct().Order().ToList();
        var rows = byDay.OrderBy(k => k.Key.Day).ThenBy(k => variants.IndexOf(k.Key.Variant))
            .Select(k => (IReadOnlyList<string>)[Format.Day(k.Key.Day), k.Key.Variant, Format.Int(k.Value.Assigned), Format.Int(k.Value.Completed), Format.Pct((double)k.Value.Completed / k.Value.Assigned)])
            .ToList();
        var series = variants.Select(v => (v, (IReadOnlyList<double?>)[.. dayList.Select(d => byDay.TryGetValue((d, v), out var x) ? 100.0 * x.Completed / x.Assigned : (double?)null)])).ToList();
        return new PanelTable("completion", "Completion rate by day of sign-up and variant (each variant's onboarding path)", ["date", "variant", "assigned", "completed", "completion_pct"], rows,
            Charts.Line([.. dayList.Select(Format.Day)], series, "% completed"), "No coach was assigned to onboarding_v1 in this period.");
    }

    private async Task<PanelTable> DurationAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var minutes = await insights.BreakdownAsync(AssistantEventNames.OnboardingCompleted, from, to, cancellationToken);
        var bins = DurationBins.Select(b => (b.Label, Count: minutes.Where(m => int.TryParse(m.Dimension, out var min) && min >= b.From && min < b.To).Sum(m => m.Count))).ToList();
        var total = bins.Sum(b => b.Count);
        var underFive = minutes.Where(m => int.TryParse(m.Dimension, out var min) && min < 5).Sum(m => m.Count);
        return new PanelTable(
            "duration", $"Onboarding time (target under 5 minutes: {(total == 0 ? "—" : Format.Pct((double)underFive / total) + " %")})",
            ["duration", "onboardings"],
            total == 0 ? [] : [.. bins.Select(b => (IReadOnlyList<string>)[b.Label, Format.Int(b.Count)])],
            Charts.Bar([.. bins.Select(b => b.Label)], [("onboardings", [.. bins.Select(b => (double?)b.Count)])], yTitle: "onboardings"),
            "No onboarding was completed in this period.");
    }

    private async Task<PanelTable> TopAsync(string key, string title, string eventName, string column, DateOnly from, DateOnly to, string empty, CancellationToken cancellationToken)
    {
        var rows = (await insights.BreakdownAsync(eventName, from, to, cancellationToken))
            .GroupBy(r => r.Dimension.Length == 0 ? "(none)" : r.Dimension)
            .Select(g => (Name: g.Key, Count: g.Sum(r => r.Count)))
            .OrderByDescending(r => r.Count).ToList();
        return new PanelTable(key, title, [column.ToLowerInvariant(), "count"], [.. rows.Select(r => (IReadOnlyList<string>)[r.Name, Format.Int(r.Count)])],
            Charts.Bar([.. rows.Select(r => r.Name)], [("count", [.. rows.Select(r => (double?)r.Count)])], horizontal: true), empty);
    }

    private async Task<PanelTable> InputAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = await insights.DailyAsync(from, to, cancellationToken);
        var rows = days.Where(d => d.FreeTextMessages + d.ButtonClicks > 0).ToList();
        return new PanelTable(
            "input", $"Free text vs buttons (typed share overall: {(rows.Count == 0 ? "—" : Format.Pct((double)rows.Sum(d => d.FreeTextMessages) / rows.Sum(d => d.FreeTextMessages + d.ButtonClicks)) + " %")})",
            ["date", "free_text", "buttons", "free_text_pct"],
            [.. rows.Select(d => (IReadOnlyList<string>)[Format.Day(d.Date), Format.Int(d.FreeTextMessages), Format.Int(d.ButtonClicks), Format.Pct((double)d.FreeTextMessages / (d.FreeTextMessages + d.ButtonClicks))])],
            Charts.Bar([.. rows.Select(d => Format.Day(d.Date))], [("free text", [.. rows.Select(d => (double?)d.FreeTextMessages)]), ("buttons", [.. rows.Select(d => (double?)d.ButtonClicks)])], stacked: true),
            "No coach message in this period.");
    }

    private async Task<PanelTable> SkipsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var skips = (await insights.BreakdownAsync(AssistantEventNames.SkipClicked, from, to, cancellationToken))
            .GroupBy(r => r.Dimension.Length == 0 ? "(unknown)" : r.Dimension).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var funnel = (await insights.FunnelAsync(cancellationToken)).ToDictionary(s => s.Phase == "started" ? "discovery" : s.Phase, s => s.Coaches);
        var rows = skips.OrderByDescending(s => s.Value)
            .Select(s => (Phase: s.Key, Skips: s.Value, Reached: funnel.GetValueOrDefault(s.Key)))
            .ToList();
        return new PanelTable(
            "skips", "Skips by phase (skip rate = skips per coach who reached the phase)",
            ["phase", "skips", "coaches_reached", "skip_rate_pct"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Phase, Format.Int(r.Skips), Format.Int(r.Reached), r.Reached == 0 ? "" : Format.Pct((double)r.Skips / r.Reached)])],
            Charts.Bar([.. rows.Select(r => r.Phase)], [("skips", [.. rows.Select(r => (double?)r.Skips)])], horizontal: true),
            "Nobody skipped a step in this period.");
    }

    private async Task<PanelTable> ErrorsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var errors = await insights.BreakdownAsync(AssistantEventNames.Error, from, to, cancellationToken);
        var codes = errors.Select(e => e.Dimension.Length == 0 ? "(unknown)" : e.Dimension).Distinct().Order().ToList();
        var dayList = errors.Select(e => e.Date).Distinct().Order().ToList();
        return new PanelTable(
            "errors", "Errors per day, by type",
            ["date", "type", "errors"],
            [.. errors.OrderBy(e => e.Date).ThenBy(e => e.Dimension).Select(e => (IReadOnlyList<string>)[Format.Day(e.Date), e.Dimension.Length == 0 ? "(unknown)" : e.Dimension, Format.Int(e.Count)])],
            Charts.Bar([.. dayList.Select(Format.Day)], [.. codes.Select(c => (c, (IReadOnlyList<double?>)[.. dayList.Select(d => (double?)errors.Where(e => e.Date == d && (e.Dimension.Length == 0 ? "(unknown)" : e.Dimension) == c).Sum(e => e.Count))]))], stacked: true),
            "No errors in this period.");
    }

    private async Task<PanelTable> CostPerDayAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var calls = await insights.BreakdownAsync(AssistantEventNames.ApiCall, from, to, cancellationToken);
        var days = calls.GroupBy(c => c.Date).OrderBy(g => g.Key).Select(g => (Day: g.Key, Calls: g.Sum(c => c.Count), Cost: g.Sum(c => c.Total))).ToList();
        return new PanelTable(
            "cost", "AI API cost per day (avery_api_call.cost_usd)",
            ["date", "api_calls", "cost_usd", "cost_per_call_usd"],
            [.. days.Select(d => (IReadOnlyList<string>)[Format.Day(d.Day), Format.Int(d.Calls), Format.Num(d.Cost, 4), Format.Num(d.Cost / d.Calls, 6)])],
            Charts.Bar([.. days.Select(d => Format.Day(d.Day))], [("cost (USD)", [.. days.Select(d => (double?)Math.Round(d.Cost, 4))])], yTitle: "USD"),
            "No AI API calls recorded yet: the offline brain costs nothing, and the AI runtime's avery_api_call events appear here once a provider is configured.");
    }

    private async Task<PanelTable> CostPerCoachAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var coaches = await insights.TopAsync(AssistantEventNames.ApiCallPerCoach, from, to, 50, cancellationToken);
        return new PanelTable(
            "cost-per-coach", "AI API cost per coach (top 50 workspaces)",
            ["workspace_id", "api_calls", "cost_usd"],
            [.. coaches.Select(c => (IReadOnlyList<string>)[c.Dimension, Format.Int(c.Count), Format.Num(c.Total, 4)])],
            null,
            "No AI API calls recorded yet.");
    }

    private async Task<PanelTable> NudgesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var nudges = await nudgeReport.OutcomesAsync(from, to, cancellationToken);
        return new PanelTable(
            "nudges", "Nudge performance: sent vs responded, by type",
            ["nudge_type", "scheduled", "sent", "responded", "response_rate_pct"],
            [.. nudges.Select(n => (IReadOnlyList<string>)[n.NudgeType, Format.Int(n.Scheduled), Format.Int(n.Sent), Format.Int(n.Responded), n.Sent == 0 ? "" : Format.Pct((double)n.Responded / n.Sent)])],
            Charts.Bar([.. nudges.Select(n => n.NudgeType)], [("sent", [.. nudges.Select(n => (double?)n.Sent)]), ("responded", [.. nudges.Select(n => (double?)n.Responded)])]),
            "No nudges in this period: they are scheduled when a coach completes onboarding.");
    }

    private async Task<PanelTable> RetentionAsync(CancellationToken cancellationToken)
    {
        var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Key == OnboardingExperiment.Key, cancellationToken);
        var definitions = await db.Metrics.AsNoTracking().Where(m => m.Key == "return_7d" || m.Key == "retention_30d" || m.Key == "retention_90d").OrderBy(m => m.WindowStartDays).ToListAsync(cancellationToken);
        if (experiment is null || definitions.Count == 0)
        {
            return new PanelTable("retention", "Retention by variant", ["metric", "variant", "eligible_units", "retained", "retention_pct"], [], null, "The onboarding_v1 experiment or the retention metrics do not exist.");
        }

        var rows = new List<IReadOnlyList<string>>();
        var series = new List<(string, IReadOnlyList<double?>)>();
        var computed = new Dictionary<string, IReadOnlyList<VariantMetric>>();
        foreach (var metric in definitions)
        {
            computed[metric.Key] = await metrics.ConversionsAsync(experiment, metric, cancellationToken);
        }

        foreach (var variant in experiment.VariantList())
        {
            var values = new List<double?>();
            foreach (var metric in definitions)
            {
                var result = computed[metric.Key].Single(v => v.Variant == variant.Key);
                values.Add(result.Units == 0 ? null : Math.Round(100.0 * result.Successes / result.Units, 1));
                if (result.Units > 0)
                {
                    rows.Add([metric.Key, variant.Key, Format.Int(result.Units), Format.Int(result.Successes), Format.Pct((double)result.Successes / result.Units)]);
                }
            }

            series.Add((variant.Key, values));
        }

        return new PanelTable(
            "retention", "Retention by variant: 7/30/90-day (the money chart)",
            ["metric", "variant", "eligible_units", "retained", "retention_pct"], rows,
            Charts.Bar([.. definitions.Select(d => d.Name)], series, yTitle: "% retained"),
            "No coach has been in onboarding_v1 long enough for a retention window yet.");
    }
}
