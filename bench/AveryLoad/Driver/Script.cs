namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>
/// What an active coach says: the onboarding, in the free text the offline brain understands,
/// then an endless round of the everyday requests that change the store or read it.
/// </summary>
internal static class Script
{
    /// <summary>Tools that change the store and so are followed by a <c>store_preview_update</c>.</summary>
    public static readonly IReadOnlySet<string> StoreChangingTools = new HashSet<string>(StringComparer.Ordinal)
    {
        "update_coach_profile",
        "set_subscription_price",
        "apply_store_template",
        "generate_blog_posts",
        "delete_blog_post",
    };

    private static readonly string[] Onboarding =
    [
        "My name is Coach {0}",
        "I coach strength training",
        "skip",
        "write my blogs",
        "Bio: I help busy people get strong with short, simple barbell sessions three times a week.",
        "skip",
        "£12.99",
        "skip",
        "no",
    ];

    private static readonly string[] Everyday =
    [
        "how am I doing?",
        "change my price to £14.99",
        "write a blog about deadlifts for beginners",
        "delete my latest blog",
        "yes",
        "change my price to £12.99",
        "try a darker theme",
        "how am I doing?",
        "make my store look more minimal",
    ];

    public static string Line(int coach, int turn) =>
        turn < Onboarding.Length
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, Onboarding[turn], coach)
            : Everyday[(turn - Onboarding.Length) % Everyday.Length];

    /// <summary>The line as the script writes it (onboarding lines before the coach number goes in), to group turns by.</summary>
    public static string Label(int turn) =>
        turn < Onboarding.Length ? Onboarding[turn] : Everyday[(turn - Onboarding.Length) % Everyday.Length];

    public static int OnboardingLength => Onboarding.Length;
}
