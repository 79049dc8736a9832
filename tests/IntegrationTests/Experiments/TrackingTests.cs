using CreatorOS.Contracts.Experiments;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

public sealed class TrackingTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Tracking_the_same_event_key_twice_counts_once_and_other_keys_count_apart(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var at = DateTimeOffset.UtcNow;
        foreach (var key in new[] { "order-1", "order-1", "order-2" })
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IExperiments>().TrackAsync("coach-1", "purchase", key, 12.5, at, CancellationToken.None);
        }

        await using var check = host.Services.CreateAsyncScope();
        var facts = await check.ServiceProvider.GetRequiredService<ExperimentsDbContext>().Events.AsNoTracking()
            .Where(e => e.UnitId == "coach-1" && e.EventName == "purchase").Select(e => e.Reference).ToListAsync();
        facts.ShouldBe(["order-1", "order-2"], ignoreOrder: true);
    }
}
