using CreatorOS.Modules.Accounts;
using CreatorOS.Modules.Assistant;
using CreatorOS.Modules.Engagement;
using CreatorOS.Modules.Experiments;
using CreatorOS.Modules.Social;
using CreatorOS.Modules.Storefront;
using CreatorOS.SharedKernel;
using CreatorOS.Web.Demo;
using CreatorOS.Web.Shell;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("CREATOROS__");
builder.Logging.AddWebShellLogging(builder.Configuration);

// The table of contents: one line per module.
builder.Services.AddSharedKernel(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddWebShell(builder.Configuration, builder.Environment);
builder.Services.AddAccounts();
builder.Services.AddStorefront();
builder.Services.AddAssistant(builder.Configuration);
builder.Services.AddSocial(builder.Configuration);
builder.Services.AddExperiments(builder.Configuration);
builder.Services.AddEngagement(builder.Configuration);
builder.Services.AddDemoData(builder.Configuration);

var app = builder.Build();
await app.MigrateDatabaseAsync();

app.UseWebShell();
app.MapAccounts();
app.MapStorefront();
app.MapAssistant();
app.MapSocial();
app.MapExperiments();
app.MapEngagement();
app.MapWebShell(AccountsModule.Assembly, StorefrontModule.Assembly, AssistantModule.Assembly, ExperimentsModule.Assembly, EngagementModule.Assembly);

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
