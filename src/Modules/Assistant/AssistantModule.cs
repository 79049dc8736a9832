using System.Reflection;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Jobs;
using CreatorOS.AgentRuntime;
using CreatorOS.AgentRuntime.Moderation;
using CreatorOS.Contracts.Privacy;
using CreatorOS.Contracts.Social;
using CreatorOS.Modules.Assistant.Brain;
using CreatorOS.Modules.Assistant.Brain.Llm;
using CreatorOS.Modules.Assistant.Content;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Assistant.Insights;
using CreatorOS.Modules.Assistant.Photos;
using CreatorOS.Modules.Assistant.Web;
using CreatorOS.Modules.Assistant.Privacy;
using CreatorOS.Modules.Assistant.Protocol;
using CreatorOS.Modules.Assistant.Safety;
using CreatorOS.Modules.Assistant.Spending;
using CreatorOS.Modules.Assistant.Tools;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.Modules.Assistant;

/// <summary>Avery: the conversational onboarding assistant — engine, brains, tools, WebSocket protocol and UI.</summary>
public static class AssistantModule
{
    /// <summary>Key of the <see cref="IChatClient"/> that speaks as Avery.</summary>
    public const string BrainKey = "avery";

    public static Assembly Assembly => typeof(AssistantModule).Assembly;

    public static IServiceCollection AddAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AssistantDbContext>(AssistantDbContext.Prefix);
        services.Configure<AssistantOptions>(configuration.GetSection(AssistantOptions.Section));

        AddOfflineBrain(services);
        AddModelBrain(services, configuration);

        services.AddScoped<IAveryTool, UpdateCoachProfileTool>();
        services.AddScoped<IAveryTool, ConnectSocialAccountTool>();
        services.AddScoped<IAveryTool, GenerateBlogPostsTool>();
        services.AddScoped<IAveryTool, SetSubscriptionPriceTool>();
        services.AddScoped<IAveryTool, ApplyStoreTemplateTool>();
        services.AddScoped<IAveryTool, GetStoreAnalyticsTool>();
        services.AddScoped<IAveryTool, GetNicheBenchmarksTool>();
        services.AddScoped<IAveryTool, ScheduleLiveSessionTool>();
        services.AddScoped<IAveryTool, GenerateShareContentTool>();
        services.AddScoped<IAveryTool, UpdateScorecardTool>();
        services.AddScoped<IAveryTool, SetupStripeTool>();
        services.AddScoped<IAveryTool, GetSocialTopPostsTool>();
        services.AddScoped<IAveryTool, DeleteBlogPostTool>();
        services.AddScoped<IAveryTool, SkipStepTool>();
        services.AddScoped<IAveryTool, DraftBlogsFromSocialTool>();
        services.AddScoped<IAveryTool, PublishBlogPostsTool>();
        services.AddScoped<ToolExecutor>();

        services.AddScoped<ConversationLog>();
        services.AddScoped<ConversationEngine>();
        services.AddSingleton<CoachSessions>();
        services.AddSingleton<SocketTickets>();
        services.AddSingleton<TurnGuards>();
        services.AddSingleton<AverySocket>();
        services.AddScoped<IAveryInbox, AveryInbox>();
        services.AddAssistantPhotos();
        services.AddScoped<IPersonalDataOwner, AssistantPersonalData>();
        services.AddSingleton<LiveDay>();
        services.AddScoped<IAssistantInsights, AssistantInsights>();
        services.AddScoped<IRecurringJob, InsightsRollupJob>();

        // What the Social module asks of Avery: prose from posts, a checked photo store, a message when drafts are ready.
        services.AddSingleton<ISocialPostWriter, SocialPostBlogWriter>();
        services.AddSingleton<ISocialPhotoSink, SocialPhotoSink>();
        services.AddIntegrationEventHandler<SocialDraftsReady, QueueSocialDraftsMessage>();
        return services;
    }

    /// <summary>The brain and writers that need no AI provider: the default, and the fallback.</summary>
    private static void AddOfflineBrain(IServiceCollection services)
    {
        services.AddSingleton<OfflineBrain>();
        services.AddSingleton<OfflineBlogWriter>();
        services.AddSingleton<OfflineShareWriter>();
    }

    /// <summary>The model brain behind the router; with Ai:Provider=offline the router never leaves the offline brain.</summary>
    private static void AddModelBrain(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAgentRuntime(configuration);
        services.AddSingleton<LlmBrain>();
        services.AddSingleton<AiSpending>();
        services.AddSingleton<ProviderModeration>();
        services.AddSingleton<IContentModerator, ProviderBackedModeration>();
        services.AddScoped<TurnCoach>();
        services.AddScoped<ModelCalls>();
        services.AddScoped<IBlogWriter, ModelBlogWriter>();
        services.AddScoped<IShareWriter, ModelShareWriter>();
        services.AddKeyedScoped<IChatClient, BrainRouter>(BrainKey);
    }

    public static IEndpointRouteBuilder MapAssistant(this IEndpointRouteBuilder app)
    {
        app.MapAssistantEndpoints();
        app.MapAssistantPhotos();
        app.MapAssistantAssets();
        return app;
    }
}
