namespace CreatorOS.Modules.Assistant.Language;

/// <summary>What a free-text message asks for. The phase decides what a plain answer (Other, Yes, No) means.</summary>
internal enum IntentKind
{
    Empty,
    Greeting,
    Thanks,
    Yes,
    No,
    Skip,
    AllSet,
    Confused,
    FeatureQuestion,
    Competitor,
    WriteBlog,
    RegenerateBlogs,
    DeleteBlog,
    Analytics,
    NextAdvice,
    Template,
    Tone,
    Price,
    ScheduleLive,
    Payments,
    ShareContent,
    Shared,
    NameChange,
    ConnectSocial,
    Other,
}

/// <summary>
/// The reading of one message. <see cref="Text"/> is the normalised text (at most 500 characters);
/// the slots hold whatever was recognised in it, whatever the kind (a price, a time, a niche …).
/// </summary>
internal sealed record Understanding(IntentKind Kind, string Text)
{
    public string? Topic { get; init; }

    public string? Tone { get; init; }

    /// <summary>A template variant; empty when the coach asked for "something different" without saying what.</summary>
    public string? Variant { get; init; }

    public PriceMention? Price { get; init; }

    public string? Competitor { get; init; }

    public string? Feature { get; init; }

    public DateTimeOffset? When { get; init; }

    public string? Name { get; init; }

    public string? Platform { get; init; }

    public NicheMatch? Niche { get; init; }

    /// <summary>The coach asked (a question mark or a question word at the start).</summary>
    public bool IsQuestion { get; init; }
}
