using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Persistence;

public sealed record PingRaised(Guid EventId, DateTimeOffset OccurredAt, string Note) : IIntegrationEvent;

/// <summary>Counts deliveries; fails the first N times when asked to.</summary>
public sealed class PingHandler(PingLog log) : IIntegrationEventHandler<PingRaised>
{
    public Task HandleAsync(PingRaised integrationEvent, CancellationToken cancellationToken)
    {
        if (log.FailuresLeft > 0)
        {
            log.FailuresLeft--;
            throw new InvalidOperationException("handler is down");
        }

        log.Seen.Add(integrationEvent.EventId);
        return Task.CompletedTask;
    }
}

public sealed class PingLog
{
    public List<Guid> Seen { get; } = [];

    public int FailuresLeft { get; set; }

    public List<Guid> Loud { get; } = [];

    public int LoudFailuresLeft { get; set; }
}

/// <summary>A second handler of the same event that only cares about loud pings and can fail on cue.</summary>
public sealed class LoudPingHandler(PingLog log) : IIntegrationEventHandler<PingRaised>
{
    public bool Wants(PingRaised integrationEvent) => integrationEvent.Note.EndsWith('!');

    public Task HandleAsync(PingRaised integrationEvent, CancellationToken cancellationToken)
    {
        if (log.LoudFailuresLeft > 0)
        {
            log.LoudFailuresLeft--;
            throw new InvalidOperationException("loud handler is down");
        }

        log.Loud.Add(integrationEvent.EventId);
        return Task.CompletedTask;
    }
}

public sealed class OutboxTests
{
    private static async Task<CreatorOsHost> HostAsync(DatabaseProvider provider, PingLog log) =>
        await CreatorOsHost.StartAsync(provider, services =>
        {
            services.AddSingleton(log);
            services.AddIntegrationEventHandler<PingRaised, PingHandler>();
        });

    private static async Task<CreatorOsHost> TwoHandlerHostAsync(DatabaseProvider provider, PingLog log) =>
        await CreatorOsHost.StartAsync(provider, services =>
        {
            services.AddSingleton(log);
            services.AddIntegrationEventHandler<PingRaised, PingHandler>();
            services.AddIntegrationEventHandler<PingRaised, LoudPingHandler>();
        });

    private static async Task<PingRaised> RaiseAsync(CreatorOsHost host, string note = "hello")
    {
        var ping = new PingRaised(Guid.CreateVersion7(), DateTimeOffset.UtcNow, note);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        db.AddIntegrationEvent(ping);
        await db.SaveChangesAsync();
        return ping;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_event_saved_with_a_change_reaches_its_handler_once(DatabaseProvider provider)
    {
        var log = new PingLog();
        await using var host = await HostAsync(provider, log);

        var ping = await RaiseAsync(host);
        await host.FlushEventsAsync();
        await host.FlushEventsAsync();

        log.Seen.ShouldBe([ping.EventId]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_redelivered_event_is_ignored_by_a_handler_that_already_saw_it(DatabaseProvider provider)
    {
        var log = new PingLog();
        await using var host = await HostAsync(provider, log);
        var ping = await RaiseAsync(host);
        await host.FlushEventsAsync();

        // As if the node crashed after the handler ran but before the message was marked done.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            await db.Set<OutboxMessage>().Where(m => m.Id == ping.EventId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null));
        }

        await host.FlushEventsAsync();

        log.Seen.ShouldBe([ping.EventId]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_failing_handler_keeps_the_message_with_its_error_and_a_later_run_delivers_it(DatabaseProvider provider)
    {
        var log = new PingLog { FailuresLeft = 1 };
        await using var host = await HostAsync(provider, log);
        var ping = await RaiseAsync(host);

        await host.FlushEventsAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().SingleAsync(m => m.Id == ping.EventId);
            message.ProcessedAt.ShouldBeNull();
            message.Attempts.ShouldBe(1);
            message.LastError!.ShouldContain("handler is down");
        }

        await host.FlushEventsAsync();
        log.Seen.ShouldBe([ping.EventId]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_handler_that_does_not_want_an_event_is_not_run_and_leaves_no_receipt(DatabaseProvider provider)
    {
        var log = new PingLog();
        await using var host = await TwoHandlerHostAsync(provider, log);
        var quiet = await RaiseAsync(host, "hello");
        var loud = await RaiseAsync(host, "hello!");
        await host.FlushEventsAsync();

        // Both events, in either order: the outbox drains by id, and two version-7 ids made in the
        // same millisecond are not ordered (their sub-millisecond bits are random), so asserting
        // the order made this test fail about once in many runs. Order is not what it tests.
        log.Seen.ShouldBe([quiet.EventId, loud.EventId], ignoreOrder: true);
        log.Loud.ShouldBe([loud.EventId]);
        await using var scope = host.Services.CreateAsyncScope();
        var receipts = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().HandledEvents
            .Where(h => h.EventId == quiet.EventId).Select(h => h.Handler).ToListAsync();
        receipts.ShouldBe([typeof(PingHandler).FullName!]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task When_a_later_handler_fails_the_ones_that_ran_keep_their_receipts_and_are_not_run_again(DatabaseProvider provider)
    {
        var log = new PingLog { LoudFailuresLeft = 1 };
        await using var host = await TwoHandlerHostAsync(provider, log);
        var ping = await RaiseAsync(host, "again!");

        await host.FlushEventsAsync();
        log.Seen.ShouldBe([ping.EventId]);
        log.Loud.ShouldBeEmpty();

        await host.FlushEventsAsync();
        log.Seen.ShouldBe([ping.EventId]);
        log.Loud.ShouldBe([ping.EventId]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_wake_up_names_the_outbox_a_save_wrote_to_once_and_not_one_it_did_not(DatabaseProvider provider)
    {
        var log = new PingLog();
        await using var host = await HostAsync(provider, log);
        var signal = host.Services.GetRequiredService<OutboxSignal>();
        signal.TakeWritten();

        await RaiseAsync(host);
        signal.TakeWritten().ShouldBe([typeof(AccountsDbContext)]);
        signal.TakeWritten().ShouldBeEmpty();

        // A save with no event in it names nothing, so it wakes no drain.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var kernel = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
            kernel.HandledEvents.Add(new HandledEvent { Handler = "test", EventId = Guid.CreateVersion7(), HandledAt = DateTimeOffset.UtcNow });
            await kernel.SaveChangesAsync();
        }

        signal.TakeWritten().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_batch_of_events_is_delivered_with_one_receipt_per_handler_and_event(DatabaseProvider provider)
    {
        var log = new PingLog();
        await using var host = await TwoHandlerHostAsync(provider, log);
        List<PingRaised> pings = [];
        for (var i = 0; i < 7; i++)
        {
            pings.Add(await RaiseAsync(host, i % 2 == 0 ? "hey!" : "hey"));
        }

        await host.FlushEventsAsync();

        log.Seen.ShouldBe(pings.Select(p => p.EventId), ignoreOrder: true);
        log.Loud.ShouldBe(pings.Where(p => p.Note.EndsWith('!')).Select(p => p.EventId), ignoreOrder: true);
        await using var scope = host.Services.CreateAsyncScope();
        var ids = pings.Select(p => p.EventId).ToList();
        var receipts = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().HandledEvents.CountAsync(h => ids.Contains(h.EventId));
        receipts.ShouldBe(7 + 4);
        (await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().CountAsync(m => ids.Contains(m.Id) && m.ProcessedAt == null)).ShouldBe(0);
    }
}
