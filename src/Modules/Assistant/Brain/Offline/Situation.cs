using System.Text.Json;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Tools;

namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>A tool the brain called in this exchange and what it reported.</summary>
internal sealed record ToolReport(string CallId, string Name, IReadOnlyDictionary<string, object?> Arguments, ToolResult Result)
{
    public bool Ok => Result.Ok;

    public T? Data<T>()
        where T : class => Result.Data as T;

    public string? Arg(string name) => Arguments.TryGetValue(name, out var value) ? value switch
    {
        null => null,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement e => e.ToString(),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    } : null;

    public bool Has(string name) => Arg(name) is { Length: > 0 };
}

/// <summary>Everything one answer is built from: the context, the tool reports of this exchange, and whether more tools may run.</summary>
internal sealed record Situation(BrainContext Context, IReadOnlyList<ToolReport> Reports, bool CanCallTools, int HistoryCount)
{
    public StoreView Store => Context.Store;

    public StoreProfileView Profile => Context.Store.Profile;

    public string? Name => Profile.PreferredName;

    public OnboardingPhase Phase => Context.Phase;

    public string? Fact(string key) => Context.State.Fact(key);

    /// <summary>What the coach's content is about: their specialty, else their niche.</summary>
    public string Topic => Profile.Specialty is { Length: > 0 } specialty ? specialty : Formats.NicheFocus(Profile.Niche);

    public ToolReport? Report(string tool) => Reports.LastOrDefault(r => r.Name == tool && r.Ok);

    public bool Attempted(string tool, string? argument = null) => Reports.Any(r => r.Name == tool && (argument is null || r.Has(argument)));

    public int PublishedBlogs => Store.Blogs.Count(b => b.Status == "published");

    public string Say(string key, params (string Name, string? Value)[] variables) => SayWithSalt(key, string.Empty, variables);

    /// <summary>Like <see cref="Say"/>, with extra text in the hash so repeated questions can vary their wording.</summary>
    public string SayWithSalt(string key, string salt, params (string Name, string? Value)[] variables)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = Name ?? "there",
            ["comma_name"] = Name is null ? string.Empty : ", " + Name,
            ["niche"] = Profile.Niche ?? "coaching",
            ["specialty"] = Profile.Specialty,
            ["topic"] = Topic,
            ["url"] = Context.StoreUrl,
            ["phase"] = null,
        };
        values["phase"] = Phrasebook.Render("phase." + Phase.WireName(), Store.Id.ToString(), values);
        foreach (var (name, value) in variables)
        {
            values[name] = value;
        }

        return Phrasebook.Render(key, Store.Id + "|" + Phase.WireName() + "|" + salt, values);
    }
}
