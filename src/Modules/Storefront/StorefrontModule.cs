using System.Reflection;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Privacy;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Storefront.Data;
using CreatorOS.Modules.Storefront.Privacy;
using CreatorOS.Modules.Storefront.Pricing;
using CreatorOS.Modules.Storefront.Stores;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.Modules.Storefront;

/// <summary>The coach's store: profile, theme, price, blog, live sessions, subscribers and the public store pages.</summary>
public static class StorefrontModule
{
    /// <summary>Holds the routable store pages (<c>/s/{slug}</c>, <c>/admin/store…</c>) for the host's router.</summary>
    public static Assembly Assembly => typeof(StorefrontModule).Assembly;

    public static IServiceCollection AddStorefront(this IServiceCollection services)
    {
        services.AddModuleDbContext<StorefrontDbContext>(StorefrontDbContext.Prefix);
        services.AddSingleton<StoreViewCache>();
        services.AddSingleton<NicheBenchmarkCache>();
        services.AddScoped<Storekeeper>();
        services.AddScoped<IStorefront>(provider => provider.GetRequiredService<Storekeeper>());
        services.AddScoped<IPersonalDataOwner, StorefrontPersonalData>();
        services.AddIntegrationEventHandler<WorkspaceCreated, OpenStoreWhenWorkspaceCreated>();
        return services;
    }

    /// <summary>The store's pages are Razor components; there are no extra endpoints yet.</summary>
    public static IEndpointRouteBuilder MapStorefront(this IEndpointRouteBuilder app) => app;
}
