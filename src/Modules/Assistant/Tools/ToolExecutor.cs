using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>
/// Runs a brain's tool call: finds the tool, validates its arguments and runs it in the coach's
/// scope. Unknown tools, bad arguments and failures come back as refusals the brain can phrase.
/// </summary>
internal sealed class ToolExecutor(IEnumerable<IAveryTool> tools, ILogger<ToolExecutor> logger)
{
    /// <summary>Declarations never change while the app runs; building them parses JSON schemas, so once is enough.</summary>
    private static readonly ConcurrentDictionary<string, AITool> Declared = new(StringComparer.Ordinal);

    private readonly Dictionary<string, IAveryTool> _tools = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IAveryTool> Tools => _tools.Values;

    /// <summary>The declarations a model sees; generated from the same tools the offline brain calls.</summary>
    public IList<AITool> Declarations() =>
        [.. _tools.Values.Select(t => Declared.GetOrAdd(t.Name, _ => AIFunctionFactory.CreateDeclaration(t.Name, t.Description, JsonDocument.Parse(t.ParametersSchema).RootElement)))];

    public async Task<ToolOutcome> RunAsync(FunctionCallContent call, ToolScope scope, CancellationToken cancellationToken)
    {
        if (!_tools.TryGetValue(call.Name, out var tool))
        {
            return ToolOutcome.Refused($"I don't have a tool called '{call.Name}'.");
        }

        if (call.Exception is not null)
        {
            return ToolOutcome.Refused($"The details for '{call.Name}' were garbled; nothing was changed.");
        }

        try
        {
            return await tool.RunAsync(new ToolArguments(call.Arguments), scope, cancellationToken);
        }
        catch (ToolArgumentException exception)
        {
            return ToolOutcome.Refused(exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Tool {Tool} failed", call.Name);
            return ToolOutcome.Refused("Something went wrong on my side while doing that. Please check your store before trying again.");
        }
    }
}
