using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>Month-1 revenue (estimated) and the store milestones get facts from the other modules' events.</summary>
public sealed class MetricSourceTests
{
    [Fact]
    public async Task Each_new_subscriber_records_one_month_of_the_store_price_once()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        var workspace = Guid.NewGuid();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IStorefront>();
            await store.OpenAsync(workspace, "Strong with Sam", CancellationToken.None);
            (await store.AddSubscriberAsync(workspace, "Free Fran", CancellationToken.None)).Succeeded.ShouldBeTrue();
            await host.FlushEventsAsync();
            (await store.SetPriceAsync(workspace, "GBP", 29m, CancellationToken.None)).Succeeded.ShouldBeTrue();
            (await store.AddSubscriberAsync(workspace, "Paying Pat", CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        await host.FlushEventsAsync();
        await host.FlushEventsAsync();

        await using var read = host.Services.CreateAsyncScope();
        var facts = await read.ServiceProvider.GetRequiredService<ExperimentsDbContext>().Events.AsNoTracking()
            .Where(e => e.UnitId == workspace.ToString("D") && e.EventName == MetricEvents.Revenue).OrderBy(e => e.Reference).ToListAsync();
        facts.Select(f => (f.Reference, f.Value)).ShouldBe([("#1", (double?)0), ("#2", 29)]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Store_changes_record_each_subscriber_share_and_active_day_once_however_often_they_arrive(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var workspace = Guid.NewGuid();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IStorefront>();
            await store.OpenAsync(workspace, "Strong with Sam", CancellationToken.None);
            foreach (var name in new[] { "Ann", "Bo", "Cy" })
            {
                (await store.AddSubscriberAsync(workspace, name, CancellationToken.None)).Succeeded.ShouldBeTrue();
            }

            (await store.MarkSharedAsync(workspace, CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        await host.FlushEventsAsync();
        (await FactsAsync(host, workspace, MetricEvents.SubscriberJoined)).ShouldBe(["#1", "#2", "#3"]);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IStorefront>();
            (await store.AddSubscriberAsync(workspace, "Di", CancellationToken.None)).Succeeded.ShouldBeTrue();
            (await store.AddSubscriberAsync(workspace, "Ed", CancellationToken.None)).Succeeded.ShouldBeTrue();

            // A redelivered change (new event id, same store) adds nothing that is already there.
            var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler<StoreChanged>>().Single(h => h is RecordStoreMilestones);
            var view = (await store.FindAsync(workspace, CancellationToken.None)).ShouldNotBeNull();
            await handler.HandleAsync(new StoreChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, workspace, view.Id, [StoreSection.Sharing]), CancellationToken.None);
        }

        await host.FlushEventsAsync();
        (await FactsAsync(host, workspace, MetricEvents.SubscriberJoined)).ShouldBe(["#1", "#2", "#3", "#4", "#5"]);
        (await FactsAsync(host, workspace, MetricEvents.StoreShared)).ShouldBe(["first"]);
        // Subscribers joining change the store without the coach: that is not the coach's activity.
        (await FactsAsync(host, workspace, MetricEvents.Active)).ShouldBeEmpty();
    }

    private static async Task<List<string>> FactsAsync(CreatorOsHost host, Guid workspace, string eventName)
    {
        await using var read = host.Services.CreateAsyncScope();
        return await read.ServiceProvider.GetRequiredService<ExperimentsDbContext>().Events.AsNoTracking()
            .Where(e => e.UnitId == workspace.ToString("D") && e.EventName == eventName)
            .OrderBy(e => e.Reference)
            .Select(e => e.Reference)
            .ToListAsync();
    }
}
