namespace CreatorOS.Modules.Assistant.Language;

/// <summary>The phrase tables free text is matched against (folded, whole words). Data, not logic.</summary>
internal static class IntentPhrases
{
    public static readonly IReadOnlyList<string> Greetings =
    [
        "hi", "hello", "hey", "hiya", "yo", "howdy", "hey there", "hi there", "hello there", "good morning", "good afternoon", "good evening",
        "hi avery", "hey avery", "hello avery", "sup", "what's up", "whats up", "morning", "heya", "helo", "hii", "hiii",
    ];

    public static readonly IReadOnlyList<string> Yes =
    [
        "yes", "yeah", "yep", "yup", "ya", "sure", "ok", "okay", "k", "sounds good", "sounds great", "go ahead", "go for it", "do it",
        "let's do it", "lets do it", "let's go", "lets go", "please", "yes please", "of course", "absolutely", "definitely", "alright",
        "all right", "great", "perfect", "cool", "fine", "good", "love it", "looks good", "looks great", "i like it", "sure thing", "why not",
        "ok let's do it", "yes let's do it", "sounds perfect", "awesome", "nice", "ok sure", "okay sure", "yes!", "ready",
    ];

    public static readonly IReadOnlyList<string> No =
    [
        "no", "nope", "nah", "no thanks", "no thank you", "not really", "don't", "dont", "i don't think so", "no way", "not yet",
        "i don't like it", "i dont like it", "not for me", "no, thanks",
    ];

    public static readonly IReadOnlyList<string> Skip =
    [
        "skip", "skip this", "skip it", "skip that", "skip this step", "skip for now", "not now", "later", "maybe later", "do it later",
        "next", "next step", "move on", "pass", "i'll do it later", "ill do it later", "let's skip", "lets skip", "can we skip",
        "can i skip", "skip please", "i'd rather not", "i dont have any", "i don't have any", "i don't have one", "i dont have one",
        "i don't have social media", "i dont have social media", "no socials", "no social media",
    ];

    public static readonly IReadOnlyList<string> Confused =
    [
        "confusing", "confused", "i don't get it", "i dont get it", "don't understand", "dont understand", "do not understand",
        "too complicated", "complicated", "ugh", "i'm lost", "im lost", "lost", "what do you mean", "this is hard", "overwhelming",
        "overwhelmed", "frustrating", "frustrated", "annoying", "this sucks", "makes no sense", "doesn't make sense", "huh", "what?",
        "i have no idea", "no idea", "help me", "stuck", "i'm stuck",
    ];

    public static readonly IReadOnlyList<string> Thanks = ["thanks", "thank you", "thx", "ty", "cheers", "thanks avery", "thank you avery", "much appreciated"];

    public static readonly IReadOnlyList<string> Analytics =
    [
        "how am i doing", "how's my store doing", "hows my store doing", "how is my store doing", "how is my store", "how's my store",
        "my stats", "store stats", "analytics", "how many subscribers", "my numbers", "how are things going", "how's it going with my store",
        "show me my stats", "my revenue", "how much have i made", "how much am i making",
    ];

    public static readonly IReadOnlyList<string> NextAdvice =
    [
        "what should i do next", "what do i do next", "what next", "what now", "what's next", "whats next", "any tips", "growth tips",
        "how do i grow", "how can i grow", "give me a tip", "what should i do",
    ];

    public static readonly IReadOnlyList<string> BlogNouns = ["blog", "blogs", "blog post", "blog posts", "article", "articles", "post", "posts"];

    public static readonly IReadOnlyList<string> WriteVerbs = ["write", "create", "draft", "make", "generate", "do", "give me", "publish", "add"];

    public static readonly IReadOnlyList<string> RegenerateCues =
    [
        "regenerate", "different ones", "write different", "new ones", "other ones", "try again", "redo", "re-do", "rewrite them",
        "write new", "more blogs", "another blog", "other blogs", "different blogs", "new blogs", "write more", "some more",
    ];

    public static readonly IReadOnlyList<string> DeleteVerbs = ["delete", "remove", "get rid of", "take down", "unpublish", "bin"];

    public static readonly IReadOnlyList<string> ShareCues =
    [
        "post to share", "post for me to share", "something to share", "share post", "caption", "post for instagram", "post for tiktok",
        "post for linkedin", "post for facebook", "post for x", "post for twitter", "announcement", "announce", "promo post",
    ];

    public static readonly IReadOnlyList<string> SharedDone =
    [
        "i shared it", "i've shared it", "ive shared it", "shared it", "i posted it", "i've posted it", "posted it", "it's shared",
        "its shared", "done sharing", "i shared", "just shared", "just posted", "it's posted", "it's up", "shared",
    ];

    public static readonly IReadOnlyList<string> LiveCues = ["live session", "live sessions", "live class", "live q&a", "livestream", "live stream", "go live", "live call", "live"];

    public static readonly IReadOnlyList<string> ScheduleVerbs = ["schedule", "book", "plan", "set up", "setup", "arrange", "host", "organise", "organize", "add"];

    public static readonly IReadOnlyList<string> PaymentCues = ["payments", "payment", "stripe", "get paid", "payouts", "payout", "connect payments", "bank"];

    public static readonly IReadOnlyList<string> AllSet = ["i'm all set", "im all set", "all set", "i'm done", "im done", "that's all", "thats all", "finish", "finished", "done for now", "i'm good", "im good", "all good", "nothing else"];

    public static readonly IReadOnlyList<string> QuestionStarts =
    [
        "how", "what", "what's", "whats", "why", "where", "when", "can", "could", "do", "does", "is", "are", "will", "would", "explain",
        "tell me", "who", "which", "should",
    ];

    public static readonly IReadOnlyList<string> Competitors =
    [
        "patreon", "kajabi", "teachable", "substack", "thinkific", "podia", "stan store", "stan", "skool", "mighty networks", "gumroad",
        "circle", "uscreen", "trainerize", "passion.io", "ko-fi", "buy me a coffee", "memberful", "onlyfans", "everfit", "truecoach",
        "mindbody", "glofox", "squarespace", "wix", "shopify", "udemy", "coursera", "hubspot", "linktree",
    ];

    public static readonly IReadOnlyDictionary<string, string> CompetitorDisplay = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["stan"] = "Stan", ["stan store"] = "Stan Store", ["mighty networks"] = "Mighty Networks", ["passion.io"] = "Passion.io",
        ["ko-fi"] = "Ko-fi", ["buy me a coffee"] = "Buy Me a Coffee", ["onlyfans"] = "OnlyFans", ["truecoach"] = "TrueCoach",
        ["hubspot"] = "HubSpot",
    };

    /// <summary>Feature → words that name it in a question (spec scenario 5; the answers are in the phrase catalogue).</summary>
    public static readonly IReadOnlyList<(string Feature, IReadOnlyList<string> Words)> Features =
    [
        ("live_sessions", ["live session", "live sessions", "live class", "live classes", "go live", "livestream", "live"]),
        ("payments", ["payments", "payment", "paid", "payout", "payouts", "stripe", "money", "fees", "fee", "commission"]),
        ("pricing", ["price", "pricing", "charge", "subscription", "subscriptions", "cost", "how much"]),
        ("subscribers", ["subscribers", "subscriber", "members", "member", "clients join", "sign up", "signups"]),
        ("blogs", ["blog", "blogs", "article", "articles", "posts"]),
        ("templates", ["template", "templates", "theme", "themes", "design", "look", "colours", "colors"]),
        ("social", ["instagram", "tiktok", "youtube", "social", "socials", "social media"]),
        ("scorecard", ["scorecard", "checklist", "progress", "progress bar"]),
        ("store", ["store", "my link", "store link", "url", "website", "page"]),
        ("avery", ["who are you", "what can you do", "what are you", "are you a bot", "are you human", "are you ai", "what do you do"]),
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Platforms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["instagram"] = ["instagram", "insta", "ig"],
        ["tiktok"] = ["tiktok", "tik tok"],
        ["youtube"] = ["youtube", "yt", "you tube"],
        ["facebook"] = ["facebook", "fb"],
        ["linkedin"] = ["linkedin", "linked in"],
        ["x"] = ["twitter", "x", "tweet"],
    };
}
