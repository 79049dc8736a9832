namespace CreatorOS.Modules.Assistant.Content;

internal static partial class BlogTemplates
{
    public static readonly IReadOnlyList<BlogTopic> Fitness =
    [
        new(
            "routine",
            "building a {focus} routine you'll actually keep",
            ["Building a {focus} routine you'll actually keep", "The {focus} routine that survives a busy week"],
            "Training",
            ["routine", "consistency", "training"],
            [
                new("Start smaller than you think", "When I start working with someone, the first thing I do is shrink their plan. Most people try to train like the most dedicated version of themselves from day one, and that plan collapses the first time work or family gets busy. I would much rather you commit to a few short sessions you can hit every week than a perfect programme you abandon. Consistency is the skill we are building first; intensity comes later, once the habit is in place."),
                new("Anchor it to your week", "A routine sticks when it has a home. I ask my clients to pick fixed slots in their week and treat them like any other appointment. Put your kit out the night before, decide what the session is before you start, and keep a simple note of what you did. None of this is complicated, but it removes the small decisions that usually talk us out of training. When the plan is already made, you just have to turn up."),
                new("Plan for the off days", "Every routine meets a bad week eventually. Instead of hoping it won't happen, I build a short fallback session into every plan: something you can do at home in a few minutes with no equipment. On the days you can't do the full thing, you do the fallback and keep the streak alive. Missing one session is normal; missing the habit is what sets people back, and a backup plan protects it."),
            ]),
        new(
            "progress",
            "how I measure progress in {focus}",
            ["How I measure progress in {focus} (beyond the scales)", "Progress in {focus}: what I actually track"],
            "Training",
            ["progress", "goals", "tracking"],
            [
                new("Pick markers you control", "The numbers people usually obsess over can swing for reasons that have nothing to do with their effort. That is why I ask my clients to track things they control: sessions completed, the weights or times they worked with, how well they slept, and how they felt during training. These markers move with your actions, so they tell you whether the plan is working and they keep you motivated on the weeks when other numbers stall."),
                new("Write it down every session", "I keep my clients' tracking deliberately simple. After each session, jot down what you did and one word for how it felt. Over a few weeks this becomes the most useful coaching tool we have, because patterns appear: the days you feel strongest, the exercises that keep improving, the weeks where life got in the way. Memory is unreliable, but a short log is honest, and it makes every adjustment we make a better one."),
                new("Review, then adjust", "Once a month I sit down with each client's log and ask three questions. What improved? What stayed stuck? What got in the way? From there we change one thing at a time, whether that means adjusting the load, the rest between sessions or the time of day we train. Small, deliberate changes are easier to judge than a complete overhaul, and they keep progress steady instead of stop-start."),
            ]),
        new(
            "recovery",
            "recovery, the part of {focus} most people skip",
            ["Recovery: the part of {focus} most people skip", "Why I program rest days for my {focus} clients"],
            "Recovery",
            ["recovery", "rest", "sleep"],
            [
                new("Training is only half the work", "I tell every new client the same thing: the session is where you create the challenge, and recovery is where your body adapts to it. If you skip the second half, the first half is wasted effort. That is why rest days are written into every plan I give out. They are not a reward for working hard or a sign of being lazy; they are a planned part of getting better, just like the sessions themselves."),
                new("The basics I check first", "Before I look at anything fancy, I ask about the basics. How are you sleeping? Are you eating enough to fuel the training you're doing? Are you drinking enough water through the day? Are you moving gently on your days off, with a walk or some easy mobility work? These habits are not exciting, but when a client feels flat or stuck, the answer is usually hiding in one of them rather than in the training plan."),
                new("Listen to the warning signs", "Your body gives you signals long before an injury or a slump. Heavy legs that don't improve with a warm-up, poor sleep for several nights, or dreading sessions you normally enjoy are all signs to ease off. When my clients notice these, we swap a hard session for an easy one or take an extra rest day. Backing off for a few days is far better than being forced to stop for weeks."),
            ]),
        new(
            "fuel",
            "fuelling your {focus} without overthinking it",
            ["Fuelling your {focus} without overthinking it", "Simple food habits for {focus}"],
            "Nutrition",
            ["nutrition", "habits", "energy"],
            [
                new("Keep the rules simple", "Food advice gets complicated fast, and complicated plans rarely last. With my clients I start with a handful of simple habits: build most meals around a source of protein, add vegetables or fruit where you can, and eat something sensible before and after you train. That's it to begin with. Once those habits feel automatic, we can fine-tune, but most people feel a difference from the basics alone."),
                new("Plan around your training", "I encourage my clients to look at their week and match their food to it. On training days, make sure there is a proper meal or snack a little while before the session so you have energy to work with. Afterwards, eat a balanced meal rather than grazing on whatever is nearby. Planning a few meals ahead, even roughly, takes the guesswork out of busy days and stops you from running on empty."),
                new("Progress over perfection", "Nobody eats perfectly, and I don't ask my clients to. A meal out, a birthday or a busy week is part of normal life, not a failure. What matters is what you do most of the time. If a day goes off plan, the next meal is simply a chance to get back to your usual habits. If you have a medical condition or specific needs, a registered dietitian is the right person to tailor things further."),
            ]),
    ];
}
