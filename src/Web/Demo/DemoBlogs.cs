using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Web.Demo;

internal static class DemoBlogs
{
    public static readonly IReadOnlyList<BlogDraft> All =
    [
        new(
            "Three lifts that fit into a school run",
            """
            When my kids started school I had 40 minutes, twice a week. Here is what I kept.

            ## The squat
            Start with a goblet squat. Hold one kettlebell at your chest and sit between your heels.

            ## The hinge
            A Romanian deadlift teaches your hips to do the work your back has been doing.

            ## The press
            Overhead press, standing. It makes carrying a sleeping child up the stairs feel easy.

            Want a plan built around your week? Subscribe and I'll send you one every Monday.
            """,
            Category: "Training",
            Tags: ["strength", "beginners"],
            Publish: true),
        new(
            "Protein without the fuss",
            """
            You don't need shakes. You need a plan for breakfast.

            ## Aim, don't obsess
            Roughly a palm of protein at each meal gets most people where they need to be.

            ## Batch it on Sunday
            A tray of chicken thighs and a pot of lentils cover most of my week.

            Subscribers get my full shopping list and three 15-minute recipes.
            """,
            Category: "Nutrition",
            Tags: ["nutrition"],
            Publish: true),
        new(
            "Why I stopped counting steps",
            """
            A draft I'm still working on.

            ## What changed
            Counting made walking a chore. Walking with my kids made it a habit.
            """,
            Category: "Mindset",
            Tags: ["habits"]),
    ];
}
