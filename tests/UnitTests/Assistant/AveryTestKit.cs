using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Brain;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Tools;
using Microsoft.Extensions.AI;

namespace CreatorOS.UnitTests.Assistant;

/// <summary>Builds stores as the Storefront would show them.</summary>
internal sealed class StoreBuilder
{
    private readonly List<BlogView> _blogs = [];
    private readonly List<LiveSessionView> _sessions = [];
    private string? _name;
    private string? _niche;
    private string? _specialty;
    private string? _bio;
    private string _tone = "casual";
    private string? _photo;
    private StorePriceView? _price;
    private bool _shared;
    private int _subscribers;
    private string _templateId = "creator_modern";

    public static Guid StoreId { get; } = Guid.Parse("6f1d3c1e-8b3a-4c55-9a0e-2b7f1a9e4d21");

    public StoreBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public StoreBuilder InNiche(string niche, string? specialty = null)
    {
        _niche = niche;
        _specialty = specialty;
        _templateId = niche switch
        {
            "fitness" => "fitness_bold",
            "wellness" => "wellness_calm",
            "business" => "business_clean",
            _ => "creator_modern",
        };
        return this;
    }

    public StoreBuilder WithBio(string bio, string tone = "casual")
    {
        _bio = bio;
        _tone = tone;
        return this;
    }

    public StoreBuilder WithPhoto(string url = "/media/photo.jpg")
    {
        _photo = url;
        return this;
    }

    public StoreBuilder WithPrice(decimal amount, string currency = "GBP")
    {
        _price = new StorePriceView(currency, amount, (currency == "GBP" ? "£" : currency == "USD" ? "$" : "€") + amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "/month");
        return this;
    }

    public StoreBuilder WithBlog(string title, DateTimeOffset createdAt, string status = "published")
    {
        _blogs.Add(new BlogView(Guid.NewGuid(), title.ToLowerInvariant().Replace(' ', '-'), title, status, "Training", [], null, "Excerpt", null, null, createdAt, createdAt));
        return this;
    }

    public StoreBuilder WithSubscribers(int count)
    {
        _subscribers = count;
        return this;
    }

    public StoreBuilder Shared()
    {
        _shared = true;
        return this;
    }

    public StoreBuilder WithLiveSession(DateTimeOffset at)
    {
        _sessions.Add(new LiveSessionView(Guid.NewGuid(), "Live Q&A", at));
        return this;
    }

    public StoreView Build() => new(
        StoreId,
        Guid.Parse("0c8f8f4e-1111-4222-8333-944455556666"),
        "sam-store",
        "/s/sam-store",
        new StoreProfileView(_name, _niche, _specialty, _bio, _tone, _photo),
        new StoreThemeView(_templateId, Titled(_templateId), "#000000", "#ffffff", "sans-serif", "centered", "linear-gradient(#000, #fff)"),
        _price,
        _shared,
        _blogs,
        _sessions,
        _subscribers,
        AveryTestKit.Now);

    private static string Titled(string id) => string.Join(' ', id.Replace("creator", "creator", StringComparison.Ordinal).Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}

/// <summary>Drives the offline brain the way the engine does: context in the options, messages in order.</summary>
internal static class AveryTestKit
{
    /// <summary>Wednesday 25 November 2026, 10:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static BrainContext Context(
        StoreView store,
        OnboardingPhase phase,
        OnboardingPhase? previous = null,
        Occasion occasion = Occasion.Turn,
        IReadOnlyDictionary<string, string>? facts = null,
        int daysAway = 0) =>
        new(
            phase,
            previous,
            store,
            "https://creatoros.test/s/sam-store",
            new Scorecard(store.Profile.PhotoUrl is not null, false, store.Blogs.Count >= 3, store.IsShared, store.LiveSessions.Count > 0),
            0,
            new PhaseState(new HashSet<OnboardingPhase>(), facts ?? new Dictionary<string, string>()),
            phase == OnboardingPhase.Complete,
            occasion,
            Now,
            daysAway);

    public static ChatMessage User(string text) => new(ChatRole.User, text);

    public static ChatMessage Click(AveryButton button) =>
        new(ChatRole.User, button.Label) { AdditionalProperties = new() { [BrainKeys.Button] = button } };

    public static ChatMessage Event(string type, string? value, bool ok = true) =>
        new(ChatRole.User, string.Empty) { AdditionalProperties = new() { [BrainKeys.Event] = new ClientEvent(type, value, ok) } };

    /// <summary>The assistant's call message and the tool's result message, as the engine appends them.</summary>
    public static ChatMessage[] ToolRound(string name, IDictionary<string, object?> arguments, ToolResult result, string callId = "call_1") =>
    [
        new(ChatRole.Assistant, [new FunctionCallContent(callId, name, arguments)]),
        new(ChatRole.Tool, [new FunctionResultContent(callId, result)]),
    ];

    public static async Task<ChatResponse> Respond(BrainContext context, params ChatMessage[] messages)
    {
        using var brain = new OfflineBrain(new FixedClock(Now));
        var options = new ChatOptions { AdditionalProperties = new() { [BrainKeys.Context] = context } };
        return await brain.GetResponseAsync([new ChatMessage(ChatRole.System, "You are Avery."), .. messages], options);
    }

    public static string Text(this ChatResponse response) => response.Messages.Single().Text;

    public static IReadOnlyList<FunctionCallContent> Calls(this ChatResponse response) =>
        [.. response.Messages.Single().Contents.OfType<FunctionCallContent>()];

    public static FunctionCallContent Call(this ChatResponse response) => response.Calls().ShouldHaveSingleItem();

    public static IReadOnlyList<AveryButton> Buttons(this ChatResponse response) =>
        (IReadOnlyList<AveryButton>)response.Messages.Single().AdditionalProperties![BrainKeys.Buttons]!;

    public static AveryPreview? Preview(this ChatResponse response) =>
        response.Messages.Single().AdditionalProperties!.TryGetValue(BrainKeys.Preview, out var preview) ? (AveryPreview?)preview : null;

    public static IReadOnlyDictionary<string, string?> Remember(this ChatResponse response) =>
        response.Messages.Single().AdditionalProperties!.TryGetValue(BrainKeys.Remember, out var facts)
            ? (IReadOnlyDictionary<string, string?>)facts!
            : new Dictionary<string, string?>();

    public static bool Understood(this ChatResponse response) => (bool)response.Messages.Single().AdditionalProperties![BrainKeys.Understood]!;

    public static string Intent(this ChatResponse response) => (string)response.Messages.Single().AdditionalProperties![BrainKeys.Intent]!;

    public static object? Arg(this FunctionCallContent call, string name) => call.Arguments!.TryGetValue(name, out var value) ? value : null;

    public static Dictionary<string, object?> Args(params (string Key, object? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
