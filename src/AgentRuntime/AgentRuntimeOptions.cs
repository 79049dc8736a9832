using CreatorOS.AgentRuntime.Usage;

namespace CreatorOS.AgentRuntime;

/// <summary>
/// Bound from the <c>Ai</c> configuration section. With <see cref="Provider"/> = offline (the default)
/// no model is called and no key is needed; the offline brains of the modules answer.
/// </summary>
public sealed class AgentRuntimeOptions
{
    public const string Section = "Ai";

    public const string Offline = "offline";
    public const string OpenAi = "openai";
    public const string Anthropic = "anthropic";

    /// <summary>offline | openai (any OpenAI-compatible server: OpenAI, Azure, Ollama, vLLM, llama.cpp) | anthropic.</summary>
    public string Provider { get; set; } = Offline;

    /// <summary>Endpoint of the provider, e.g. http://localhost:11434/v1 for Ollama; null = the provider's public API.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>From the environment or a secrets file only (CREATOROS__Ai__ApiKey); local servers accept any value.</summary>
    public string? ApiKey { get; set; }

    private string? _conversationModel;
    private string? _generationModel;

    /// <summary>Model for conversation turns (spec 6.3: the small model, about 70 % of calls); by default gpt-4o-mini, or claude-haiku-4-5 on Anthropic.</summary>
    public string ConversationModel
    {
        get => _conversationModel ?? (IsAnthropic ? "claude-haiku-4-5" : "gpt-4o-mini");
        set => _conversationModel = value;
    }

    /// <summary>Model for writing: blogs, bios, and the phases that generate content (spec 6.3); by default gpt-4o, or claude-sonnet-4-5 on Anthropic.</summary>
    public string GenerationModel
    {
        get => _generationModel ?? (IsAnthropic ? "claude-sonnet-4-5" : "gpt-4o");
        set => _generationModel = value;
    }

    /// <summary>Spec 2.1: 500.</summary>
    public int MaxTokens { get; set; } = 500;

    /// <summary>Blog posts of 300–500 words need more room than a chat reply.</summary>
    public int GenerationMaxTokens { get; set; } = 2500;

    public float Temperature { get; set; } = 0.7f;

    /// <summary>Per attempt; a timed-out attempt counts as the "timeout" row of the error table.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Error table of spec Ticket 2.4: retries after a rate limit, after a timeout, after another API error.</summary>
    public int RateLimitRetries { get; set; } = 3;

    public int TimeoutRetries { get; set; } = 2;

    public int ApiErrorRetries { get; set; }

    /// <summary>First backoff step; doubled per retry with jitter, capped by <see cref="MaxBackoff"/>. A Retry-After header wins.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>openai = the provider's moderation endpoint (OpenAI-compatible only); offline = the word list.</summary>
    public string Moderation { get; set; } = Offline;

    /// <summary>
    /// False (the default): a caller gets a model's answer once it is complete, so everything the
    /// answer led to (tool calls and their results) can be reported before its words. True: the words
    /// are passed on while the model is still writing, so a user sees them sooner, but words a model
    /// writes before calling a tool arrive before that tool's results (Avery: ADR 16 and 18).
    /// </summary>
    public bool StreamModelWords { get; set; }

    /// <summary>
    /// USD per million tokens, by model name; a dated snapshot (claude-haiku-4-5-20251001) is priced as its
    /// alias. A model missing here is recorded at cost 0 with a warning.
    /// </summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = new() { InputPerMillion = 2.50m, OutputPerMillion = 10.00m },
        ["gpt-4o-mini"] = new() { InputPerMillion = 0.15m, OutputPerMillion = 0.60m },
        ["claude-sonnet-4-5"] = new() { InputPerMillion = 3.00m, OutputPerMillion = 15.00m },
        ["claude-haiku-4-5"] = new() { InputPerMillion = 1.00m, OutputPerMillion = 5.00m },
        ["claude-opus-4-5"] = new() { InputPerMillion = 5.00m, OutputPerMillion = 25.00m },
    };

    /// <summary>Spend per coach and UTC day after which the offline brain takes over until midnight.</summary>
    public decimal CoachDailyBudgetUsd { get; set; } = 0.50m;

    /// <summary>Spec: alert when the platform spends more than this per UTC day.</summary>
    public decimal PlatformDailyAlertUsd { get; set; } = 50m;

    private bool IsAnthropic => string.Equals(Provider, Anthropic, StringComparison.OrdinalIgnoreCase);

    public bool UsesModel => !string.Equals(Provider, Offline, StringComparison.OrdinalIgnoreCase);
}
