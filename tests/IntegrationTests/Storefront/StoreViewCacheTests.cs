using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Storefront;

/// <summary>Store views are shared across requests; a change made in any other request shows at once.</summary>
public sealed class StoreViewCacheTests
{
    private static async Task<T> InScopeAsync<T>(CreatorOsHost host, Func<IStorefront, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IStorefront>());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_view_read_in_one_request_never_hides_a_change_made_in_another(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var workspace = Guid.CreateVersion7();
        await InScopeAsync(host, s => s.OpenAsync(workspace, "Strong with Sam", CancellationToken.None));

        var before = await InScopeAsync(host, s => s.FindAsync(workspace, CancellationToken.None));
        var again = await InScopeAsync(host, s => s.FindAsync(workspace, CancellationToken.None));
        again.ShouldBeSameAs(before, "an unchanged store is served from the shared view");

        (await InScopeAsync(host, s => s.AddBlogAsync(workspace, new BlogDraft("Three lifts", "## Squat\nSit between your heels."), CancellationToken.None))).Succeeded.ShouldBeTrue();
        (await InScopeAsync(host, s => s.FindAsync(workspace, CancellationToken.None)))!.Blogs.Select(b => b.Title).ShouldBe(["Three lifts"]);

        (await InScopeAsync(host, s => s.SetPriceAsync(workspace, "GBP", 12.99m, CancellationToken.None))).Succeeded.ShouldBeTrue();
        (await InScopeAsync(host, s => s.FindAsync(workspace, CancellationToken.None)))!.Price!.Amount.ShouldBe(12.99m);
    }
}
