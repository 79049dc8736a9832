namespace CreatorOS.Modules.Assistant.Content;

internal static partial class BlogTemplates
{
    public static readonly IReadOnlyList<BlogTopic> Business =
    [
        new(
            "clarity",
            "getting clear before you try to grow",
            ["Get clear before you try to grow", "Clarity first: how I start with {focus} clients"],
            "Strategy",
            ["strategy", "clarity", "growth"],
            [
                new("Growth needs a direction", "Most of the leaders and founders I work with are not short of ideas. They are short of clarity. When everything feels like a priority, effort gets spread thin and progress stalls. So before we talk about growth, I ask a simple question: what, specifically, would make the next few months a success? Getting a precise answer to that often takes longer than people expect, and it is the most valuable hour we spend together."),
                new("Write it down in one page", "I ask my clients to put their direction on a single page: the outcome they want, the few activities that drive it, and the things they will deliberately not do. Keeping it to one page forces real choices. It also becomes a reference point for every decision that follows. When a new opportunity appears, we hold it up against the page and ask whether it moves the outcome forward or simply adds noise."),
                new("Review it every week", "A plan only works if it stays in front of you. I encourage a short weekly review: look back at what you did, compare it with your one-page plan, and decide the most important actions for the coming week. This habit keeps {focus} work focused and makes course corrections small and frequent rather than large and painful. It also makes progress visible, which is a motivator in itself."),
            ]),
        new(
            "priorities",
            "saying no so you can say yes",
            ["Saying no so you can say yes", "The priority habit I teach every {focus} client"],
            "Productivity",
            ["priorities", "productivity", "focus"],
            [
                new("Every yes has a cost", "One of the patterns I see most often in my coaching is the overcommitted calendar. Each request seems reasonable on its own, so we agree to it, and soon there is no time left for the work that actually matters. I remind my clients that every yes quietly says no to something else. Making that trade-off visible is the first step towards protecting your time and attention."),
                new("A simple filter", "Before accepting a new commitment, I suggest a short filter. Does this support my main goal right now? Am I the right person to do it? What will I stop doing to make room for it? If the answers are unclear, the default is a polite no or a not yet. My clients are often surprised how much calmer and more effective they feel after applying this for just a few weeks."),
                new("Saying no well", "Declining doesn't have to damage relationships. I coach my clients to be prompt, warm and clear: thank the person, explain briefly that you can't give it the attention it deserves right now, and where possible suggest an alternative or a better time. People generally respect a thoughtful no far more than a reluctant yes followed by a missed deadline. Practising the words in advance makes it much easier in the moment."),
            ]),
        new(
            "leadership",
            "leading through uncertainty",
            ["Leading through uncertainty", "What I tell {focus} clients when plans change"],
            "Leadership",
            ["leadership", "communication", "teams"],
            [
                new("Uncertainty is normal", "Every leader I coach faces moments where the plan no longer fits reality. Markets shift, people leave, priorities change overnight. The instinct is often to wait until everything is clear before saying anything. In my experience that silence creates more anxiety than the uncertainty itself. Your team doesn't need you to have every answer; they need to know you are paying attention and have a way forward."),
                new("Communicate early and often", "I encourage my clients to share what they know, what they don't know yet, and when they expect to know more. Short, regular updates build trust far better than one perfect announcement weeks later. Be honest about the constraints and invite questions. People can handle difficult news when it is delivered with respect, and they often bring useful ideas when they feel included."),
                new("Focus on the next step", "When the long-term picture is blurry, I help my clients focus on the next sensible step. What can we decide now? What can we learn in the next fortnight that would make the bigger decision easier? Breaking uncertainty into small, practical moves keeps momentum going and reduces the pressure to get everything right at once. It also shows your team what steady leadership looks like in practice."),
            ]),
        new(
            "value",
            "pricing your expertise with confidence",
            ["Pricing your expertise with confidence", "How I help {focus} clients talk about their value"],
            "Business growth",
            ["pricing", "confidence", "value"],
            [
                new("Price follows clarity", "Many of my clients undercharge, and it is rarely because they lack skill. It is because they struggle to describe the result they deliver. When you can explain clearly what changes for a client after working with you, the conversation moves away from hours and towards outcomes. So before we touch numbers, we work on describing that change in plain language your ideal client would actually use."),
                new("Know your numbers", "Confidence also comes from understanding your own business. I ask my clients to work out what they need to earn, how much time they can realistically sell, and what their costs are. This turns pricing from a guess into a decision. It also shows quickly whether the current model works or whether something, such as the offer, the audience or the format, needs to change."),
                new("Practise the conversation", "Even with a clear offer and solid numbers, saying your price out loud can feel uncomfortable. I have my clients rehearse it: state the price, then stop talking and let the other person respond. Resist the urge to discount before anyone has objected. With a little practice this becomes natural, and clients often find that the right people respect a confident, well-explained price."),
            ]),
    ];
}
