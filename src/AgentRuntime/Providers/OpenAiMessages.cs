using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;
using OpenAiChatMessage = OpenAI.Chat.ChatMessage;

namespace CreatorOS.AgentRuntime.Providers;

/// <summary>Maps Microsoft.Extensions.AI messages and options to the OpenAI SDK's types and back.</summary>
internal static class OpenAiMessages
{
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
                mapped.AddRange(message.Contents.OfType<FunctionResultContent>().Select(r => new ToolChatMessage(r.CallId, ToolWire.ResultText(r))));
            }
            else
            {
                var calls = message.Contents.OfType<FunctionCallContent>()
                    .Select(c => ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name, BinaryData.FromString(ToolWire.ArgumentsJson(c))))
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
}
