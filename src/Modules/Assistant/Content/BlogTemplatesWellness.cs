namespace CreatorOS.Modules.Assistant.Content;

internal static partial class BlogTemplates
{
    public static readonly IReadOnlyList<BlogTopic> Wellness =
    [
        new(
            "short-practice",
            "a short {focus} practice for busy days",
            ["A short {focus} practice for busy days", "{Focus} when you only have a few minutes"],
            "Practice",
            ["practice", "routine", "self-care"],
            [
                new("Why short practice counts", "Many of my clients tell me they don't have time for {focus}. What they usually mean is that they don't have time for the long version they picture in their head. I encourage them to let go of that picture. A few unhurried minutes, done often, teaches your body and mind far more than an occasional long session squeezed in when guilt takes over. Short practice is not second best; for most people it is the way in."),
                new("How I'd structure it", "Here is the shape I suggest. Find a place where you won't be interrupted and settle into a comfortable position. Spend a moment noticing your breath without changing it. Then move into the heart of your practice for a few minutes, keeping it simple and familiar. Finish by pausing to notice how you feel compared with when you started. That final check-in matters, because it helps you connect the practice with the difference it makes."),
                new("Making it a habit", "The easiest way to make this stick is to attach it to something you already do every day. Some of my clients practise right after their morning coffee, others before they open their laptop or just before bed. Pick one moment and keep it the same for a couple of weeks. If you miss a day, simply begin again the next day without judgement. Gentle consistency is what builds the habit."),
            ]),
        new(
            "rest",
            "why rest is part of the work",
            ["Why rest is part of the work", "Rest without guilt: how I teach it"],
            "Wellbeing",
            ["rest", "balance", "wellbeing"],
            [
                new("Rest is not a reward", "So many of us treat rest as something we have to earn. We push through tiredness, promise ourselves a break once everything is done, and then wonder why we feel depleted. In my work with clients I gently turn that around. Rest is not what you get after the work; it is part of the work. Without it, the practices we build together have nothing to stand on."),
                new("Noticing what you need", "Before changing anything, I ask my clients to simply notice. When in the day does your energy dip? What drains you, and what restores you? Some people need quiet, some need movement, some need time outdoors or with people they love. Spending a week paying attention, and perhaps jotting a few notes, usually reveals more than any generic advice could. Your rest should fit you, not someone else's routine."),
                new("Small pauses through the day", "Rest doesn't only happen at night or on holiday. I encourage short pauses throughout the day: stepping away from the screen, taking a few slow breaths between tasks, or eating lunch without doing anything else at the same time. These moments are small, but together they change how the whole day feels. Start with one pause you can protect each day, and build from there at a pace that feels kind."),
            ]),
        new(
            "sleep",
            "gentle evening habits for better sleep",
            ["Gentle evening habits for better sleep", "How I help clients wind down at night"],
            "Sleep",
            ["sleep", "evening routine", "calm"],
            [
                new("Start with the hour before bed", "When clients come to me struggling with sleep, I rarely start with the night itself. I look at the hour before bed. That hour is often full of bright screens, unfinished emails and busy thoughts, and then we expect ourselves to switch off instantly. Creating a softer transition gives your body a signal that the day is ending. It doesn't need to be elaborate; it just needs to be different from the rest of your day."),
                new("A simple wind-down", "Here is a wind-down I often suggest. Dim the lights and put your phone somewhere out of reach. Do something quiet and familiar, such as reading, gentle stretching or a few minutes of {focus}. If your mind is busy, write down what's on it so it feels safely parked until morning. Keep the order the same each night, because repetition is what makes the routine feel calming rather than like another task."),
                new("When to ask for more help", "Evening habits can make a real difference, but they are not a cure for everything. If you have been sleeping badly for a long time, if you snore heavily or wake up gasping, or if low mood is keeping you awake, please speak to your doctor. I see my role as helping you build supportive daily habits alongside any medical care you need, never as a replacement for it."),
            ]),
        new(
            "stress",
            "noticing stress before it builds up",
            ["Noticing stress before it builds up", "My first step with stressed-out clients"],
            "Mindfulness",
            ["stress", "mindfulness", "awareness"],
            [
                new("Stress speaks quietly at first", "Stress rarely arrives all at once. It starts with small signals: tight shoulders, a shorter temper, skipped meals, or lying awake replaying the day. Many of my clients only notice it when it has already built up into something that feels overwhelming. The first thing I teach is how to catch those early signals, because it is so much easier to respond to stress when it is still small."),
                new("A daily check-in", "I ask my clients to try a short daily check-in. Pause once or twice a day and ask yourself three questions: how does my body feel, what is my mood like, and what do I need right now? There are no right answers. The point is to build the habit of listening to yourself. Over time, these check-ins become a kind of early warning system that you can rely on."),
                new("Responding with kindness", "Once you notice stress, the next step is to respond rather than push through. That might mean a few slow breaths, a short walk, a conversation with someone you trust, or simply saying no to one extra commitment. I encourage my clients to keep a short list of things that genuinely help them, so they don't have to think of ideas in a stressful moment. Small responses, made early, protect your energy."),
            ]),
    ];
}
