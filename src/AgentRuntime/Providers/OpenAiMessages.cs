using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;
using OpenAiChatMessage = OpenAI.Chat.ChatMessage;

namespace CreatorOS.AgentRuntime.Providers;

/// <summary>Maps Microsoft.Extensions.AI messages and options to the OpenAI SDK's types and back.</summary>
internal static class OpenAiMessages
{
    /// <summary>Relaxed escaping: the text goes to a model, not into HTML, and "£" costs fewer tokens than "\u00A3".</summary>
    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static List<OpenAiChatMessage> ToOpenAi(IEnumerable<AiChatMessage> messages)
    {
        var mapped = new List<OpenAiChatMessage>();
        foreach (var message in messages)
        {
            if (message.Role == AiChatRole.System)
            {
                mapped.Add(new SystemChatMessage(message.Text));
            }
            else if (message.Role == AiChatRole.User)
            {
                mapped.Add(new UserChatMessage(message.Text));
            }
            else if (message.Role == AiChatRole.Tool)
            {
                mapped.AddRange(message.Contents.OfType<FunctionResultContent>().Select(r => new ToolChatMessage(r.CallId, ResultText(r))));
            }
            else
            {
                var calls = message.Contents.OfType<FunctionCallContent>()
                    .Select(c => ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name, BinaryData.FromString(JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), ResultJson))))
                    .ToList();
                if (calls.Count > 0)
                {
                    var assistant = new AssistantChatMessage(calls);
                    if (message.Text is { Length: > 0 } text)
                    {
                        assistant.Content.Add(ChatMessageContentPart.CreateTextPart(text));
                    }

                    mapped.Add(assistant);
                }
                else
                {
                    mapped.Add(new AssistantChatMessage(message.Text));
                }
            }
        }

        return mapped;
    }

    public static ChatCompletionOptions ToOpenAi(ChatOptions? options, AgentRuntimeOptions defaults)
    {
        var mapped = new ChatCompletionOptions
        {
            MaxOutputTokenCount = options?.MaxOutputTokens ?? defaults.MaxTokens,
            Temperature = options?.Temperature ?? defaults.Temperature,
        };
        foreach (var tool in options?.Tools ?? [])
        {
            if (tool is AIFunctionDeclaration function)
            {
                mapped.Tools.Add(ChatTool.CreateFunctionTool(function.Name, function.Description, BinaryData.FromString(function.JsonSchema.GetRawText())));
            }
        }

        if (mapped.Tools.Count > 0)
        {
            mapped.ToolChoice = options?.ToolMode is NoneChatToolMode ? ChatToolChoice.CreateNoneChoice()
                : options?.ToolMode is RequiredChatToolMode ? ChatToolChoice.CreateRequiredChoice()
                : ChatToolChoice.CreateAutoChoice();
            mapped.AllowParallelToolCalls = options?.AllowMultipleToolCalls ?? true;
        }

        if (options?.ResponseFormat is ChatResponseFormatJson)
        {
            mapped.ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat();
        }

        return mapped;
    }

    /// <summary>
    /// A model's arguments are untrusted text: malformed JSON becomes a call with no arguments and the
    /// parse error in <see cref="FunctionCallContent.Exception"/>, so the executor refuses it politely.
    /// </summary>
    public static FunctionCallContent ToCall(string? callId, string? name, string? argumentsJson)
    {
        try
        {
            var arguments = string.IsNullOrWhiteSpace(argumentsJson)
                ? new Dictionary<string, object?>(StringComparer.Ordinal)
                : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson)?.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal)
                    ?? new Dictionary<string, object?>(StringComparer.Ordinal);
            return new FunctionCallContent(callId ?? string.Empty, name ?? string.Empty, arguments);
        }
        catch (JsonException exception)
        {
            return new FunctionCallContent(callId ?? string.Empty, name ?? string.Empty, new Dictionary<string, object?>(StringComparer.Ordinal))
            {
                Exception = new InvalidDataException("The tool arguments were not a JSON object.", exception),
            };
        }
    }

    public static UsageDetails? ToUsage(ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
    };

    public static Microsoft.Extensions.AI.ChatFinishReason? ToFinishReason(OpenAI.Chat.ChatFinishReason? reason) => reason switch
    {
        OpenAI.Chat.ChatFinishReason.Stop => Microsoft.Extensions.AI.ChatFinishReason.Stop,
        OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
        OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
        OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
        _ => null,
    };

    private static string ResultText(FunctionResultContent result) =>
        result.Result switch
        {
            null => result.Exception is null ? "{}" : JsonSerializer.Serialize(new { ok = false, problem = "The tool failed." }, ResultJson),
            string text => text,
            var value => JsonSerializer.Serialize(value, value.GetType(), ResultJson),
        };
}
