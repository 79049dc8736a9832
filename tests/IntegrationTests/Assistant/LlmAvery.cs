using CreatorOS.FakeProviders;
using CreatorOS.IntegrationTests.Support;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>Avery with <c>Ai:Provider=openai</c> or <c>anthropic</c> pointed at a loopback fake provider of that wire format.</summary>
public sealed class LlmAvery : IAsyncDisposable
{
    private LlmAvery(FakeModelServer model, LiveAvery avery)
    {
        Model = model;
        Avery = avery;
    }

    public FakeModelServer Model { get; }

    public LiveAvery Avery { get; }

    /// <summary>Starts the fake provider and a host; hosts given one <paramref name="database"/> act as nodes of one cluster.</summary>
    public static async Task<LlmAvery> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string provider = "openai", TestDatabase? database = null)
    {
        FakeModelServer model = provider == "anthropic" ? await FakeAnthropicServer.StartAsync() : await FakeOpenAiServer.StartAsync();
        var merged = new Dictionary<string, string?>
        {
            ["Ai:Provider"] = model.Provider,
            ["Ai:BaseUrl"] = model.BaseUrl,
            ["Ai:ApiKey"] = "sk-test-not-a-secret",
            ["Ai:Timeout"] = "00:00:02",
            ["Ai:BaseBackoff"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return new LlmAvery(model, await LiveAvery.StartAsync(settings: merged, database: database));
    }

    /// <summary>Signs up Sam and opens the chat (the greeting never calls the model).</summary>
    public async Task<AveryClient> OpenChatAsync()
    {
        await Avery.SignUpAsync();
        var (chat, _) = await Avery.OpenChatAsync();
        return chat;
    }

    public async ValueTask DisposeAsync()
    {
        await Avery.DisposeAsync();
        await Model.DisposeAsync();
    }
}
