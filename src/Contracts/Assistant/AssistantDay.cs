namespace CreatorOS.Contracts.Assistant;

/// <summary>One row of the spec's avery_daily_metrics view.</summary>
public sealed record AssistantDay(
    DateOnly Date,
    long ConversationsStarted,
    long OnboardingsCompleted,
    long CoachMessages,
    long AveryMessages,
    long ButtonClicks,
    long FreeTextMessages,
    long FunctionsExecuted,
    long BlogsGenerated,
    long Skips,
    long Errors,
    double? AvgOnboardingSeconds,
    decimal? TotalApiCostUsd);
