using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>
/// Runs a brain's tool call: finds the tool, validates its arguments and runs it in the coach's
/// scope. Unknown tools, bad arguments and failures come back as refusals the brain can phrase.
/// </summary>
internal sealed class ToolExecutor(IEnumerable<IAveryTool> tools, IServiceScopeFactory scopes, ILogger<ToolExecutor> logger)
{
    /// <summary>Declarations never change while the app runs; building them parses JSON schemas, so once is enough.</summary>
    private static readonly ConcurrentDictionary<string, AITool> Declared = new(StringComparer.Ordinal);

    private readonly Dictionary<string, IAveryTool> _tools = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IAveryTool> Tools => _tools.Values;

    /// <summary>The declarations a model sees; generated from the same tools the offline brain calls.</summary>
    public IList<AITool> Declarations() =>
        [.. _tools.Values.Select(t => Declared.GetOrAdd(t.Name, _ => AIFunctionFactory.CreateDeclaration(t.Name, t.Description, JsonDocument.Parse(t.ParametersSchema).RootElement)))];

    /// <summary>
    /// A model turn's calls in the order they must run: each run of neighbouring read-only calls is one
    /// batch (run together), every other call a batch of its own, so a read still sees every change the
    /// model asked for before it.
    /// </summary>
    public IEnumerable<IReadOnlyList<FunctionCallContent>> Batches(IReadOnlyList<FunctionCallContent> calls)
    {
        var reads = new List<FunctionCallContent>();
        foreach (var call in calls)
        {
            if (ReadsOnly(call))
            {
                reads.Add(call);
                continue;
            }

            if (reads.Count > 0)
            {
                yield return reads;
                reads = [];
            }

            yield return [call];
        }

        if (reads.Count > 0)
        {
            yield return reads;
        }
    }

    /// <summary>
    /// Runs one batch from <see cref="Batches"/>. Several read-only calls run concurrently, each in a
    /// service scope of its own: a DbContext serves one operation at a time, and the turn's scope holds
    /// the turn's unit of work. Outcomes come back in the calls' order.
    /// </summary>
    public async Task<IReadOnlyList<(ToolOutcome Outcome, TimeSpan Elapsed)>> RunBatchAsync(IReadOnlyList<FunctionCallContent> batch, ToolScope scope, CancellationToken cancellationToken)
    {
        if (batch.Count == 1)
        {
            return [await TimedAsync(this, batch[0], scope, cancellationToken)];
        }

        return await Task.WhenAll(batch.Select(async call =>
        {
            await using var own = scopes.CreateAsyncScope();
            return await TimedAsync(own.ServiceProvider.GetRequiredService<ToolExecutor>(), call, scope, cancellationToken);
        }));
    }

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

    private static async Task<(ToolOutcome Outcome, TimeSpan Elapsed)> TimedAsync(ToolExecutor executor, FunctionCallContent call, ToolScope scope, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await executor.RunAsync(call, scope, cancellationToken);
        return (outcome, Stopwatch.GetElapsedTime(started));
    }

    private bool ReadsOnly(FunctionCallContent call) => call.Exception is null && _tools.TryGetValue(call.Name, out var tool) && tool.ReadsOnly;
}
