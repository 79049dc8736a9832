using CreatorOS.Contracts.Storefront;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.BrowserTests.Support;

public static class StoreLookup
{
    public static async Task<StoreView> GetStoreAsync(this IServiceProvider services, string slug)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IStorefront>().FindBySlugAsync(slug, default))!;
    }
}
