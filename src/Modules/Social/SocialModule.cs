using System.Reflection;
using CreatorOS.Contracts.Jobs;
using CreatorOS.Contracts.Privacy;
using CreatorOS.Contracts.Social;
using CreatorOS.Modules.Social.Connections;
using CreatorOS.Modules.Social.Data;
using CreatorOS.Modules.Social.Drafts;
using CreatorOS.Modules.Social.Photos;
using CreatorOS.Modules.Social.Platforms;
using CreatorOS.Modules.Social.Posts;
using CreatorOS.Modules.Social.Privacy;
using CreatorOS.Modules.Social.Refresh;
using CreatorOS.Modules.Social.Vault;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.Modules.Social;

/// <summary>Instagram, TikTok and YouTube connections: OAuth, sealed tokens, top posts, blog drafts from posts, weekly refresh.</summary>
public static class SocialModule
{
    public static Assembly Assembly => typeof(SocialModule).Assembly;

    public static IServiceCollection AddSocial(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<SocialDbContext>(SocialDbContext.Prefix);
        services.Configure<SocialOptions>(configuration.GetSection(SocialOptions.Section));

        // Request logging is off for this client: Instagram puts tokens in query strings.
        services.AddHttpClient(PlatformHttp.ClientName).RemoveAllLoggers();
        services.AddSingleton<TokenKeyRing>();
        services.AddSingleton<TokenCipher>();
        services.AddSingleton<CallBudget>();
        services.AddSingleton<PlatformHttp>();
        services.AddSingleton<IPlatformClient, InstagramClient>();
        services.AddSingleton<IPlatformClient, TikTokClient>();
        services.AddSingleton<IPlatformClient, YouTubeClient>();
        services.AddSingleton<PlatformDirectory>();

        services.AddScoped<ConnectionTokens>();
        services.AddScoped<ConnectFlow>();
        services.AddScoped<PostFetcher>();
        services.AddScoped<PostDrafter>();
        services.AddScoped<ProfilePhotoImport>();
        services.AddScoped<ISocialConnections, ConnectedAccounts>();
        services.AddScoped<IRecurringJob, WeeklySocialRefresh>();
        services.AddScoped<IRecurringJob, TokenKeyRotation>();
        services.AddScoped<IPersonalDataOwner, SocialPersonalData>();
        return services;
    }

    public static IEndpointRouteBuilder MapSocial(this IEndpointRouteBuilder app) => app.MapSocialEndpoints();
}
