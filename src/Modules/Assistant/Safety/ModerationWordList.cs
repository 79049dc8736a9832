namespace CreatorOS.Modules.Assistant.Safety;

/// <summary>
/// The offline moderator's list: words and phrases matched as whole words on folded, de-leeted text.
/// Violence and self-harm are phrases on purpose, so fitness talk ("killer workout", "kill it today",
/// "this class is brutal") is never flagged.
/// </summary>
internal static class ModerationWordList
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Categories = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["self_harm"] =
        [
            "kill myself", "killing myself", "kms", "end my life", "ending my life", "take my own life", "want to die", "wanna die",
            "suicide", "suicidal", "self harm", "self-harm", "selfharm", "cut myself", "cutting myself", "hurt myself", "hurting myself",
            "starve myself", "overdose on", "don't want to live", "dont want to live", "better off dead",
        ],
        ["violence"] =
        [
            "kill you", "i'll kill", "ill kill", "i will kill", "gonna kill you", "going to kill you", "murder you", "shoot you", "stab you",
            "shoot up", "bomb the", "blow up the", "i'll hurt you", "i will hurt you", "beat you up", "slit your throat", "burn your house",
            "you deserve to die", "hope you die", "i will find you", "mass shooting", "school shooting", "behead",
        ],
        ["sexual"] =
        [
            "porn", "porno", "pornography", "xxx", "nudes", "send nudes", "blowjob", "blow job", "handjob", "hand job", "cumshot", "dildo",
            "orgasm", "masturbate", "masturbating", "masturbation", "hentai", "camgirl", "sex tape", "sexting", "escort service", "rimjob",
            "gangbang", "milf", "deepthroat", "child porn", "onlyfans leak",
        ],
        ["hate"] =
        [
            "nigger", "nigga", "niggers", "faggot", "faggots", "fag", "retard", "retards", "tranny", "trannies", "kike", "spic", "chink",
            "wetback", "raghead", "towelhead", "gook", "coon", "paki", "dyke", "white power", "heil hitler", "sieg heil", "gas the jews",
            "subhuman", "go back to your country",
        ],
    };

    /// <summary>Common character swaps used to slip past word lists.</summary>
    public static readonly IReadOnlyDictionary<char, char> Leet = new Dictionary<char, char>
    {
        ['0'] = 'o', ['1'] = 'i', ['!'] = 'i', ['|'] = 'i', ['3'] = 'e', ['4'] = 'a', ['@'] = 'a', ['5'] = 's', ['$'] = 's', ['7'] = 't', ['+'] = 't', ['8'] = 'b', ['9'] = 'g',
    };
}
