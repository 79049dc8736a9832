using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Playwright;

namespace CreatorOS.BrowserTests.Support;

/// <summary>
/// The real app on Kestrel (loopback, random port) and Debian's Chromium driven by Playwright.
/// Screenshots go to artifacts/screenshots at the repository root.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly CreatorOsHost _host;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(CreatorOsHost host, IPlaywright playwright, IBrowser browser, IPage page, string baseUrl)
    {
        _host = host;
        _playwright = playwright;
        _browser = browser;
        Page = page;
        BaseUrl = baseUrl;
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    public CreatorOsHost Host => _host;

    public static async Task<BrowserSession> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, int viewportWidth = 1280, IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        }

        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Outbox:BackgroundDispatch"] = "true" };
        // Sign-up lands on the coach's onboarding_v1 variant; these tests walk the Avery one unless they say otherwise.
        merged.TryAdd("Experiments:Forced:onboarding_v1", "avery");
        var host = new CreatorOsHost(await TestDatabase.CreateAsync(provider), settings: merged);
        host.UseKestrel(0);
        host.StartServer();
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = viewportWidth, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(host, playwright, browser, await context.NewPageAsync(), baseUrl);
    }

    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CreatorOS.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
