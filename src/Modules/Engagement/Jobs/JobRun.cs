namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>One fire of a recurring job, as shown in the dashboard's run history.</summary>
internal sealed class JobRun
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public required Guid Id { get; init; }

    public required string JobKey { get; init; }

    /// <summary>Quartz's fire instance id: the same fire recovered on another node keeps it.</summary>
    public required string FireInstanceId { get; init; }

    public required string Node { get; init; }

    public required bool Manual { get; init; }

    public required DateTimeOffset ScheduledAt { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    public long? DurationMs { get; set; }

    public required string Outcome { get; set; }

    public string? Error { get; set; }
}
