namespace CreatorOS.Modules.Assistant.Content;

/// <summary>One section of a templated post: a ## heading and its paragraph.</summary>
internal sealed record BlogSection(string Heading, string Body);

/// <summary>
/// A niche post the offline writer can produce. {focus} is the coach's specialty (or their niche's
/// focus), {Focus} the same capitalised, {subject} reads inside a sentence ("building a routine").
/// </summary>
internal sealed record BlogTopic(string Key, string Subject, IReadOnlyList<string> Titles, string Category, IReadOnlyList<string> Tags, IReadOnlyList<BlogSection> Sections);

/// <summary>The offline writer's data: tone intros and calls to action, and the topics of each niche (partial files).</summary>
internal static partial class BlogTemplates
{
    public static readonly IReadOnlyDictionary<string, string> Intros = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["casual"] = "Let's talk about {subject}. It comes up with my clients all the time, and honestly, it's simpler than it looks once you break it down. Here's how I think about it, what I've seen work, and one small thing you can try this week. No jargon and no pressure, just the stuff that actually helps my clients, so grab a drink and let's get into it.",
        ["professional"] = "In this post I want to look at {subject}. It is one of the topics my clients raise most often, and a clear approach makes a real difference. Below I set out how I think about it, what I recommend, and a practical first step. The aim is to give you something clear and usable, not theory, so that you can apply it in your own work this week.",
        ["energetic"] = "Ready? Today we're tackling {subject}! This is one of my favourite things to coach, because small changes here add up fast. I'll show you how I approach it, what I get my clients doing, and how you can start today! No fluff, no overthinking, just clear moves you can put into action straight away, so let's get into it and make it count!",
        ["calm"] = "Today I'd like to gently explore {subject}. It's something many of my clients bring to me, and it often feels heavier than it needs to. Let's slow down, look at it together, and find one small step that feels right for you. There's no need to get everything right at once, so take what's useful, leave the rest, and move through this at your own pace.",
    };

    public static readonly IReadOnlyDictionary<string, string> Calls = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["casual"] = "## Want more like this?\n\nIf this helped, you'll love what's inside my store. Subscribe and I'll keep the tips, plans and honest advice coming, and you can ask me anything along the way. See you in there!",
        ["professional"] = "## Take the next step\n\nIf you found this useful, subscribe to my store for regular, practical guidance on {focus}. Subscribers get new posts, live sessions and direct access to my coaching. I look forward to working with you.",
        ["energetic"] = "## Let's do this together!\n\nWant more? Subscribe to my store and let's keep the momentum going! You'll get fresh posts, live sessions and a crew cheering you on every week. Hit subscribe and I'll see you inside!",
        ["calm"] = "## Whenever you're ready\n\nIf this spoke to you, I'd love for you to join me. Subscribe to my store for gentle guidance, new posts and live sessions on {focus}, at a pace that suits you.",
    };

    public static IReadOnlyList<BlogTopic> For(string? niche) => niche switch
    {
        "fitness" => Fitness,
        "wellness" => Wellness,
        "business" => Business,
        _ => Lifestyle,
    };
}
