namespace CreatorOS.FakeProviders;

/// <summary>One scripted answer of a fake provider.</summary>
public abstract record FakeStep
{
    /// <summary>Wait this long before the answer starts (a slow provider; timeouts).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Wait this long between the streamed pieces of a text (a model that writes slowly).</summary>
    public TimeSpan PieceDelay { get; init; }

    /// <summary>Words, streamed in small pieces when the client asked for a stream.</summary>
    public static FakeStep Say(string text) => new FakeText(text);

    /// <summary>Tool calls with their arguments as JSON text (streamed in fragments, like a real model).</summary>
    public static FakeStep Call(params FakeToolCall[] calls) => new FakeToolCalls(calls);

    public static FakeStep Call(string name, string argumentsJson) => new FakeToolCalls([new FakeToolCall(name, argumentsJson)]);

    /// <summary>Words first, then tool calls in the same answer, as models often do ("Let me save that…").</summary>
    public static FakeStep SayThenCall(string text, string name, string argumentsJson) => new FakeToolCalls([new FakeToolCall(name, argumentsJson)]) { TextBefore = text };

    /// <summary>An HTTP error with an error body; <paramref name="retryAfter"/> becomes the Retry-After header.</summary>
    public static FakeStep Fail(int status, string? retryAfter = null) => new FakeFailure(status, retryAfter);

    /// <summary>A stream that starts with HTTP 200 and then reports an error event (Anthropic: <c>event: error</c>).</summary>
    public static FakeStep FailMidStream(string errorType) => new FakeStreamFailure(errorType, string.Empty);

    /// <summary>
    /// A stream that sends <paramref name="textBefore"/> and then breaks: Anthropic reports an error event,
    /// the OpenAI fake an error object and the end of the stream without a finish reason.
    /// </summary>
    public static FakeStep FailMidStream(string errorType, string textBefore) => new FakeStreamFailure(errorType, textBefore);
}

public sealed record FakeText(string Text) : FakeStep;

public sealed record FakeToolCalls(IReadOnlyList<FakeToolCall> Calls) : FakeStep
{
    /// <summary>Text the model writes before its calls; empty for calls alone.</summary>
    public string TextBefore { get; init; } = string.Empty;
}

public sealed record FakeFailure(int Status, string? RetryAfter) : FakeStep;

public sealed record FakeStreamFailure(string ErrorType, string TextBefore) : FakeStep;

public sealed record FakeToolCall(string Name, string ArgumentsJson);
