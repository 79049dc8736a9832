using CreatorOS.Modules.Assistant.Brain.Offline;

namespace CreatorOS.Modules.Assistant.Content;

/// <summary>
/// Writes a coach's store bio offline (spec 4.4): 2–4 sentences, first person, in the store's tone,
/// from their name, niche and specialty. No clichés — see <see cref="BannedWords"/>.
/// </summary>
internal static class BioWriter
{
    public static readonly IReadOnlyList<string> BannedWords =
    [
        "passionate", "journey", "unlock", "transform your life", "best version", "guru", "ninja", "rockstar", "synergy", "game-changer", "world-class",
    ];

    private static readonly Dictionary<string, string[]> Templates = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["casual"] =
        [
            "Hey, I'm {name}! I coach {focus} in a way that fits into real life — no extreme plans, just steady wins. Stick around for simple tips, honest advice and people who've got your back.",
            "Hi, I'm {name}. I help people get into {focus} without the overwhelm, one small step at a time. Come say hi — I share what works for my clients, plain and simple.",
        ],
        ["professional"] =
        [
            "I'm {name}, a {niche} coach specialising in {focus}. I help clients build clear, sustainable habits through structured guidance and practical methods. Subscribe for regular insights and sessions built around your goals.",
            "I'm {name}, and I work with clients on {focus}. My approach is structured, practical and tailored to where each person is today. Subscribe for clear guidance you can put to work straight away.",
        ],
        ["energetic"] =
        [
            "I'm {name} and I'm all about {focus}! I'll push you, cheer you on and help you build momentum you can feel every single week. Let's get moving — join me and let's make it happen!",
            "Hey, I'm {name}! {Focus} is what I do, and I bring the energy every time. Join me for sessions, tips and a crew that shows up — let's go!",
        ],
        ["calm"] =
        [
            "I'm {name}, and I guide people through {focus} at a gentle, steady pace. My approach is about small, kind changes that make everyday life feel a little lighter. Join me whenever you're ready.",
            "I'm {name}. I teach {focus} with patience and care, so you can slow down and notice what helps. Take your time here — there's no rush.",
        ],
    };

    public static string Write(string? name, string? niche, string? specialty, string? tone)
    {
        var wordings = Templates.GetValueOrDefault(tone ?? "casual") ?? Templates["casual"];
        var focus = specialty is { Length: > 0 } ? specialty.Trim() : Formats.NicheFocus(niche);
        var coach = string.IsNullOrWhiteSpace(name) ? "your coach" : name.Trim();
        var template = wordings[(int)(StableHash.Of(coach + "|" + focus) % (uint)wordings.Length)];
        return template
            .Replace("{name}", coach, StringComparison.Ordinal)
            .Replace("{niche}", niche ?? "coaching", StringComparison.Ordinal)
            .Replace("{Focus}", Formats.Capitalize(focus), StringComparison.Ordinal)
            .Replace("{focus}", focus, StringComparison.Ordinal);
    }
}
