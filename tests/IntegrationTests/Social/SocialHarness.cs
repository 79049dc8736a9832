using System.Net;
using System.Text.RegularExpressions;
using CreatorOS.Contracts.Social;
using CreatorOS.IntegrationTests.Assistant;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Social.Connections;
using CreatorOS.Modules.Social.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Social;

/// <summary>The app on loopback with a signed-up coach, pointed at <see cref="FakePlatforms"/>.</summary>
internal sealed partial class SocialHarness : IAsyncDisposable
{
    private readonly bool _ownsFake;

    private SocialHarness(FakePlatforms fake, LiveAvery avery, bool ownsFake)
    {
        Fake = fake;
        Avery = avery;
        _ownsFake = ownsFake;
    }

    public FakePlatforms Fake { get; }

    public LiveAvery Avery { get; }

    public static async Task<SocialHarness> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, Action<FakePlatforms, Dictionary<string, string?>>? configure = null, FakePlatforms? fake = null, TestDatabase? database = null, bool signUp = true)
    {
        var ownsFake = fake is null;
        fake ??= await FakePlatforms.StartAsync();
        var settings = fake.Settings();
        configure?.Invoke(fake, settings);
        var avery = await LiveAvery.StartAsync(provider, settings, database);
        if (signUp)
        {
            await avery.SignUpAsync();
        }
        else
        {
            await avery.SignInAsync();
        }

        return new SocialHarness(fake, avery, ownsFake);
    }

    /// <summary>Runs the popup flow as a browser would (connect → consent → callback) and returns the final page.</summary>
    public async Task<string> ConnectAsync(string platform)
    {
        var response = await Avery.Http.GetAsync($"/social/{platform}/connect");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The same flow step by step, returning the callback URL the platform redirected to (not yet visited).</summary>
    public async Task<string> CallbackUrlAsync(string platform)
    {
        using var manual = new HttpClient(new HttpClientHandler { CookieContainer = Avery.Cookies, AllowAutoRedirect = false }) { BaseAddress = Avery.BaseAddress };
        var connect = await manual.GetAsync($"/social/{platform}/connect");
        connect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consent = await manual.GetAsync(connect.Headers.Location);
        consent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return consent.Headers.Location!.ToString();
    }

    public static string Outcome(string page) => OutcomePattern().Match(page).Groups[1].Value;

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Avery.Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<SocialTopPosts> TopPostsAsync(string? platform = null, int count = 10) =>
        InScopeAsync(async s => await s.GetRequiredService<ISocialConnections>().GetTopPostsAsync(await WorkspaceIdAsync(), platform, count, default));

    public Task<List<SocialConnection>> ConnectionsAsync() =>
        InScopeAsync(s => s.GetRequiredService<SocialDbContext>().Connections.AsNoTracking().ToListAsync());

    public async Task<Guid> WorkspaceIdAsync() => (await Avery.StoreAsync()).WorkspaceId;

    public async ValueTask DisposeAsync()
    {
        await Avery.DisposeAsync();
        if (_ownsFake)
        {
            await Fake.DisposeAsync();
        }
    }

    [GeneratedRegex("data-reason=\"([a-z_]+)\"")]
    private static partial Regex OutcomePattern();
}
