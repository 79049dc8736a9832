namespace CreatorOS.Modules.Assistant.Content;

internal static partial class BlogTemplates
{
    public static readonly IReadOnlyList<BlogTopic> Lifestyle =
    [
        new(
            "routine",
            "a weekly routine that leaves room for {focus}",
            ["A weekly routine that leaves room for {focus}", "How I plan my week around {focus}"],
            "Lifestyle",
            ["routine", "planning", "habits"],
            [
                new("Start with what matters", "When my followers ask how I fit everything in, the honest answer is that I don't. I decide what matters most each week and let the rest be flexible. I sit down on Sunday evening, look at the days ahead, and choose the few things I really want to happen, including time for {focus}. Everything else fits around those anchors, and that makes the week feel calmer and more intentional."),
                new("Batch the small stuff", "A trick I share with everyone I coach is batching. Instead of answering messages, running errands or planning content in scattered moments, I group similar tasks together into one block. It saves energy because I'm not constantly switching between different kinds of work. It also frees up bigger chunks of time for the things I actually enjoy, which is the whole point of having a routine."),
                new("Leave space on purpose", "The best plans have gaps in them. I always leave some unplanned time in my week, because something unexpected always turns up, and when it doesn't, that space becomes rest or spontaneous fun. If your calendar is packed edge to edge, one delay knocks everything over. A little breathing room keeps the routine realistic and makes it much easier to stick with."),
            ]),
        new(
            "create",
            "creating content without burning out",
            ["Creating content without burning out", "My low-stress way to share {focus} online"],
            "Creating",
            ["content", "creativity", "balance"],
            [
                new("Make it sustainable first", "When I started sharing {focus} online, I tried to post constantly and burned out quickly. What I've learned since, and what I tell the people I coach, is that a pace you can keep beats a burst of activity followed by silence. Decide how often you can realistically share something you're proud of, and commit to that. You can always increase it later."),
                new("Keep an idea list", "Most creative blocks are really a lack of ideas at the moment you need them. So I keep a running list on my phone. Whenever a question comes up from a follower, or I notice something interesting in my day, it goes on the list. When it's time to create, I'm choosing from a list rather than staring at a blank page, and that takes most of the pressure away."),
                new("Protect the fun", "I started creating because I enjoyed it, and I try hard to keep it that way. That means I don't chase every trend, I take breaks when I need them, and I make some things just for the joy of it. When the process feels good, it shows in the work, and the people who follow you can tell. If it stops being fun, that's a sign to slow down, not to push harder."),
            ]),
        new(
            "habits",
            "small habits that make everyday life easier",
            ["Small habits that make everyday life easier", "The little {focus} habits I swear by"],
            "Lifestyle",
            ["habits", "everyday", "wellbeing"],
            [
                new("Tiny changes add up", "I'm a big believer in small habits. Big resolutions are exciting for a week, but small changes are the ones that quietly stick. Preparing tomorrow's things tonight, tidying for a few minutes before bed, or keeping a water bottle on my desk all sound trivial. Together, they make my days smoother and leave more energy for the things I love, including {focus}."),
                new("One at a time", "The mistake I see most often is trying to change everything at once. When I help someone build better habits, we pick just one and give it a few weeks before adding another. It feels slow, but it works. Each habit gets a chance to become automatic, and success with one makes the next feel much easier. Stacking too many changes at once usually means none of them last."),
                new("Make it easy to start", "I set up my surroundings so the good habit is the easy one. If I want to read more, the book goes on my pillow. If I want to go for a walk, my shoes are by the door. Removing small obstacles does more for me than relying on willpower. Think about the habit you want, then ask what would make it effortless to begin."),
            ]),
        new(
            "inspiration",
            "finding inspiration when you're stuck",
            ["Finding inspiration when you're stuck", "Where I look for {focus} ideas"],
            "Inspiration",
            ["inspiration", "ideas", "creativity"],
            [
                new("Get out of your usual space", "When I feel stuck, the first thing I do is change my surroundings. A walk somewhere new, a different café, even a different room can shake loose ideas that weren't coming at my desk. I've noticed that inspiration rarely arrives when I'm staring at the problem. It shows up when I give my mind something fresh to notice, so I build those moments in on purpose."),
                new("Look outside your niche", "Some of my favourite ideas for {focus} came from completely unrelated places: a book, a conversation with a friend, a film, or a skill I was learning just for fun. I encourage the people I work with to be curious beyond their own corner of the internet. Borrowing an idea from somewhere unexpected is often what makes your own work feel original."),
                new("Start before you feel ready", "Waiting for inspiration can become a way of never starting. On stuck days I give myself a small, low-pressure task, such as writing a rough outline or taking a few test photos. More often than not, the act of starting gets things moving again. If it doesn't, I rest and come back tomorrow, without beating myself up about it."),
            ]),
    ];
}
