using System.Collections.Concurrent;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorOS.UnitTests.Assistant.Tools;

/// <summary>Several tool calls of one model turn: independent reads run together, changes stay in order.</summary>
public sealed class ParallelToolTests
{
    private static readonly ToolScope Scope = new(Guid.NewGuid(), Guid.NewGuid(), "https://coach.example", OnboardingPhase.Discovery, PhaseState.Empty);

    /// <summary>Opens only when <paramref name="expected"/> reads are inside it at once, so reads run one by one never get through.</summary>
    private sealed class Turnstile(int expected)
    {
        private int _inside;

        public TaskCompletionSource AllInside { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Log { get; } = new();

        public ConcurrentBag<ToolExecutor> Executors { get; } = [];

        public void Enter(string name)
        {
            Log.Enqueue(name);
            if (Interlocked.Increment(ref _inside) == expected)
            {
                AllInside.TrySetResult();
            }
        }
    }

    private sealed class Read(string name, Turnstile turnstile) : IAveryTool
    {
        public string Name => name;

        public string Description => name;

        public string ParametersSchema => """{"type":"object","properties":{}}""";

        public bool ReadsOnly => true;

        public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
        {
            turnstile.Enter(name);
            await turnstile.AllInside.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return ToolOutcome.Read(ToolResult.Done(name));
        }
    }

    private sealed class Change(Turnstile turnstile) : IAveryTool
    {
        public string Name => "change";

        public string Description => "change";

        public string ParametersSchema => """{"type":"object","properties":{}}""";

        public Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
        {
            turnstile.Log.Enqueue("change");
            return Task.FromResult(ToolOutcome.Read(ToolResult.Done("changed")));
        }
    }

    private static ServiceProvider Services(Turnstile turnstile)
    {
        var services = new ServiceCollection();
        services.AddSingleton(turnstile);
        services.AddSingleton<ILogger<ToolExecutor>>(NullLogger<ToolExecutor>.Instance);
        services.AddScoped<IAveryTool>(p => new Read("read_a", p.GetRequiredService<Turnstile>()));
        services.AddScoped<IAveryTool>(p => new Read("read_b", p.GetRequiredService<Turnstile>()));
        services.AddScoped<IAveryTool>(p => new Change(p.GetRequiredService<Turnstile>()));
        services.AddScoped(p =>
        {
            var executor = new ToolExecutor(p.GetServices<IAveryTool>(), p.GetRequiredService<IServiceScopeFactory>(), p.GetRequiredService<ILogger<ToolExecutor>>());
            p.GetRequiredService<Turnstile>().Executors.Add(executor);
            return executor;
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static FunctionCallContent Call(string name, string id) => new(id, name, new Dictionary<string, object?>());

    [Fact]
    public void Neighbouring_reads_form_one_batch_and_every_change_its_own()
    {
        var turnstile = new Turnstile(2);
        using var services = Services(turnstile);
        using var turn = services.CreateScope();
        var executor = turn.ServiceProvider.GetRequiredService<ToolExecutor>();
        var garbled = new FunctionCallContent("5", "read_a", new Dictionary<string, object?>()) { Exception = new InvalidDataException("garbled") };

        var batches = executor.Batches([Call("read_a", "1"), Call("read_b", "2"), Call("change", "3"), Call("read_a", "4"), garbled, Call("unknown", "6")]).ToList();

        batches.Select(b => b.Select(c => c.CallId).ToArray()).ShouldBe([["1", "2"], ["3"], ["4"], ["5"], ["6"]]);
    }

    [Fact]
    public async Task Reads_in_one_batch_run_at_the_same_time_each_in_its_own_scope()
    {
        var turnstile = new Turnstile(2);
        await using var services = Services(turnstile);
        await using var turn = services.CreateAsyncScope();
        var executor = turn.ServiceProvider.GetRequiredService<ToolExecutor>();

        var outcomes = await executor.RunBatchAsync([Call("read_a", "1"), Call("read_b", "2")], Scope, CancellationToken.None);

        outcomes.Select(o => o.Outcome.Result.Summary).ShouldBe(["read_a", "read_b"], "in the calls' order, and neither timed out waiting for the other");
        outcomes.ShouldAllBe(o => o.Outcome.Result.Ok);
        turnstile.Executors.Distinct().Count().ShouldBe(3, "the turn's executor plus one fresh scope per concurrent read");
    }

    [Fact]
    public async Task A_change_between_reads_runs_after_the_reads_before_it_and_before_the_reads_after_it()
    {
        var turnstile = new Turnstile(1);
        await using var services = Services(turnstile);
        await using var turn = services.CreateAsyncScope();
        var executor = turn.ServiceProvider.GetRequiredService<ToolExecutor>();

        foreach (var batch in executor.Batches([Call("read_a", "1"), Call("change", "2"), Call("read_b", "3")]))
        {
            await executor.RunBatchAsync(batch, Scope, CancellationToken.None);
        }

        turnstile.Log.ShouldBe(["read_a", "change", "read_b"]);
    }
}
