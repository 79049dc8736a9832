using System.Collections.Concurrent;
using CreatorOS.Contracts.Jobs;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>What the test jobs saw, shared with the test.</summary>
public sealed class JobLedger
{
    public ConcurrentQueue<DateTimeOffset> Runs { get; } = new();
}

/// <summary>Runs at 03:00 UTC on 1 January, so during a test it only runs when triggered.</summary>
public sealed class CountingJob(JobLedger ledger) : IRecurringJob
{
    public string Key => "test.counting";

    public string CronUtc => "0 0 3 1 1 ?";

    public Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        ledger.Runs.Enqueue(scheduledAt);
        return Task.CompletedTask;
    }
}

public sealed class FailingJob : IRecurringJob
{
    public string Key => "test.failing";

    public string CronUtc => "0 0 3 1 1 ?";

    public Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The supplier feed answered 503.");
}

public sealed class MalformedScheduleJob : IRecurringJob
{
    public string Key => "test.malformed";

    public string CronUtc => "every tuesday at noon";

    public Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Holds <see cref="BlockingJob"/> runs until the test lets them go.</summary>
public sealed class JobGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Opened => _open.Task;

    public void Open() => _open.TrySetResult();
}

/// <summary>A run that stays in progress on its node until the gate opens: a job genuinely running now.</summary>
public sealed class BlockingJob(JobGate gate) : IRecurringJob
{
    public string Key => "test.blocking";

    public string CronUtc => "0 0 3 1 1 ?";

    public Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken) => gate.Opened.WaitAsync(cancellationToken);
}
