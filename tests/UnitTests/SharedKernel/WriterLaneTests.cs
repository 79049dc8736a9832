using CreatorOS.SharedKernel.Persistence;

namespace CreatorOS.UnitTests.SharedKernel;

/// <summary>SQLite's one writer slot: first come, first served, and a waiter that gave up never gets it.</summary>
public sealed class WriterLaneTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_free_slot_is_taken_at_once_and_given_back_free()
    {
        using var lane = new WriterLane();

        lane.TakeAsync(CancellationToken.None).IsCompletedSuccessfully.ShouldBeTrue();
        lane.Give();

        var again = lane.TakeAsync(CancellationToken.None);
        again.IsCompletedSuccessfully.ShouldBeTrue();
        await again;
    }

    [Fact]
    public async Task Waiters_get_the_slot_in_the_order_they_asked_one_at_a_time()
    {
        using var lane = new WriterLane();
        await lane.TakeAsync(CancellationToken.None);
        var first = lane.TakeAsync(CancellationToken.None);
        var second = lane.TakeAsync(CancellationToken.None);

        lane.Give();
        await first.WaitAsync(Patience);
        second.IsCompleted.ShouldBeFalse();

        lane.Give();
        await second.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_cancelled_waiter_is_passed_over()
    {
        using var lane = new WriterLane();
        await lane.TakeAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var gaveUp = lane.TakeAsync(giveUp.Token);
        var next = lane.TakeAsync(CancellationToken.None);

        await giveUp.CancelAsync();
        lane.Give();

        await Should.ThrowAsync<TaskCanceledException>(() => gaveUp);
        await next.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_synchronous_taker_is_woken_by_the_handover()
    {
        using var lane = new WriterLane();
        await lane.TakeAsync(CancellationToken.None);
        var blocked = Task.Factory.StartNew(lane.Take, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // Until the taker has queued, a Give would just free the slot, which it would then take: both paths end with it owning the slot.
        await Task.Delay(50);
        lane.Give();

        await blocked.WaitAsync(Patience);
    }
}
