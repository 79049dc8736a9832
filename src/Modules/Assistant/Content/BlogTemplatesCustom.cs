namespace CreatorOS.Modules.Assistant.Content;

internal static partial class BlogTemplates
{
    /// <summary>Angles for a post on a topic the coach named; {topic} is their words, {Topic} capitalised.</summary>
    public static readonly IReadOnlyList<BlogTopic> Custom =
    [
        new(
            "guide",
            "{topic}",
            ["{Topic}: what I tell my clients", "A simple guide to {topic}"],
            "",
            [],
            [
                new("Why {topic} matters", "{Topic} comes up again and again in my coaching, so I want to share how I think about it. In my experience, people either ignore it completely or overcomplicate it until it feels impossible. Neither helps. What works is understanding why it matters for you specifically, in your week and with your goals, and then taking a few simple, practical steps. That's what this post is about."),
                new("How I approach {topic} with my clients", "When a client brings up {topic}, I start by asking what they are already doing and what gets in the way. There is usually something useful to build on, and the obstacles tell me where to focus. Then we choose one small change that fits their routine rather than a complete overhaul. We try it for a couple of weeks, notice what happens, and adjust. Slow, steady and personal beats dramatic every time."),
                new("Your first step this week", "If you want to start with {topic}, pick one small action you can repeat this week. Keep it easy enough that you can't talk yourself out of it. Notice how it feels and write down anything that surprises you. At the end of the week, decide whether to keep going, make it a little bigger, or try a different approach. Progress comes from repeating small steps, not from waiting for the perfect plan."),
            ]),
        new(
            "mistakes",
            "the mistakes people make with {topic}",
            ["The mistakes I see with {topic} (and what to do instead)", "Getting {topic} right: my honest advice"],
            "",
            [],
            [
                new("Trying to do it all at once", "The most common mistake I see with {topic} is enthusiasm that burns out quickly. Someone decides to change everything overnight, keeps it up for a few days, and then life gets in the way. I'd much rather my clients start with one manageable change and build on it. It feels slower at first, but it is the approach that actually lasts beyond the first busy week."),
                new("Copying someone else's plan", "Another trap is copying exactly what someone else does. What works for a friend or for someone you follow online was built around their life, not yours. When I coach {topic}, we take ideas from anywhere but shape them around your schedule, your preferences and your starting point. A plan that fits you is one you can keep, and that matters far more than finding the perfect method."),
                new("Forgetting to review", "The last mistake is never checking in. Without a quick review, it's hard to know what's working. I ask my clients to look back every week or two: what felt good, what was hard, and what they want to change. That short habit turns {topic} into something you steadily improve rather than something you start over and over again."),
            ]),
    ];
}
