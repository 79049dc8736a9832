using System.Net;
using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>
/// The app on Kestrel (loopback, random port) with a signed-up coach whose cookie opens real
/// WebSockets. Several hosts can share one database to simulate a restart.
/// </summary>
public sealed class LiveAvery : IAsyncDisposable
{
    private LiveAvery(CreatorOsHost host)
    {
        Host = host;
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = true }) { BaseAddress = BaseAddress };
        Browser = new FormClient(Http);
    }

    public CreatorOsHost Host { get; }

    public Uri BaseAddress => Host.ClientOptions.BaseAddress;

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    public FormClient Browser { get; }

    /// <summary>Settings every Avery test wants: greet on every reconnect (no 10-minute grace).</summary>
    public static readonly Dictionary<string, string?> DefaultSettings = new()
    {
        ["Assistant:ResumeAfter"] = "00:00:00",
        ["Outbox:BackgroundDispatch"] = "true",
    };

    public static async Task<LiveAvery> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IReadOnlyDictionary<string, string?>? settings = null, TestDatabase? database = null)
    {
        var merged = new Dictionary<string, string?>(DefaultSettings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var host = new CreatorOsHost(database ?? await TestDatabase.CreateAsync(provider), settings: merged, ownsDatabase: database is null);
        host.UseKestrel(0);
        host.StartServer();
        return new LiveAvery(host);
    }

    public async Task SignUpAsync(string email = "sam@example.com", string business = "Strong with Sam")
    {
        await Browser.SignUpAsync(email, business: business);
        await Host.FlushEventsAsync();
    }

    public async Task SignInAsync(string email = "sam@example.com") => await Browser.SignInAsync(email, "correct horse battery");

    public Task<AveryClient> ConnectAsync(string? origin = null) => AveryClient.ConnectAsync(BaseAddress, Cookies, origin: origin);

    /// <summary>Connects and reads the greeting: progress, then the welcome message.</summary>
    public async Task<(AveryClient Client, Frame Greeting)> OpenChatAsync()
    {
        var client = await ConnectAsync();
        await client.NextOfTypeAsync("progress_update");
        return (client, await client.NextOfTypeAsync("avery_message"));
    }

    public async Task<StoreView> StoreAsync(string slug = "strong-with-sam")
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IStorefront>().FindBySlugAsync(slug, default))!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
