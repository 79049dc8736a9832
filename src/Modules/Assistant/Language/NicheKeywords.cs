namespace CreatorOS.Modules.Assistant.Language;

/// <summary>
/// What coaches say about their work, per niche. Activities name a specialty ("yoga" becomes the
/// specialty of a wellness coach); signals only say which niche it is.
/// </summary>
internal static class NicheKeywords
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Activities = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["fitness"] =
        [
            "strength training", "strength and conditioning", "strength", "powerlifting", "weightlifting", "olympic lifting", "lifting",
            "bodybuilding", "marathon training", "marathon", "running", "hiit", "crossfit", "calisthenics", "boxing", "kickboxing",
            "kettlebells", "kettlebell", "nutrition", "weight loss", "fat loss", "mobility", "cycling", "swimming", "triathlon",
            "sports performance", "functional fitness", "postnatal fitness", "prenatal fitness", "martial arts", "spin", "bootcamp",
            "personal training", "muscle building", "hyrox",
        ],
        ["wellness"] =
        [
            "yoga", "meditation", "mindfulness", "breathwork", "pilates", "sleep", "stress management", "stress", "anxiety",
            "reiki", "holistic health", "gut health", "mental health", "somatic therapy", "somatics", "tai chi", "qigong",
            "sound healing", "sound baths", "journaling", "burnout recovery", "burnout", "menopause", "hormone health", "self-care",
        ],
        ["business"] =
        [
            "executive coaching", "leadership", "founders", "startups", "startup", "entrepreneurship", "career coaching", "career",
            "sales", "marketing", "productivity", "public speaking", "negotiation", "management", "personal branding", "branding",
            "linkedin", "freelancing", "small business", "finance", "investing", "scaling", "consulting",
        ],
        ["lifestyle"] =
        [
            "content creation", "travel", "fashion", "beauty", "parenting", "cooking", "baking", "photography", "makeup", "skincare",
            "interior design", "home organisation", "organizing", "food", "relationships", "dating", "style", "diy", "gardening",
            "minimalism", "budgeting",
        ],
    };

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Signals = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["fitness"] = ["fitness", "gym", "workout", "workouts", "training", "personal trainer", "pt", "exercise", "athletes", "fit", "trainer"],
        ["wellness"] = ["wellness", "wellbeing", "well-being", "mindful", "health", "healing", "mindset", "spiritual", "holistic"],
        ["business"] = ["business", "executive", "executives", "entrepreneur", "entrepreneurs", "ceo", "ceos", "corporate", "company", "companies", "scale", "professionals"],
        ["lifestyle"] = ["lifestyle", "creator", "content creator", "blogger", "influencer", "vlogger", "youtuber", "creators"],
    };
}
