using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>Benchmarks computed from the stores on this platform (the spec's BigQuery table is our own database).</summary>
internal sealed class GetNicheBenchmarksTool(IStorefront storefront) : IAveryTool
{
    private static readonly string[] Niches = ["fitness", "wellness", "business", "lifestyle"];

    public string Name => ToolNames.GetNicheBenchmarks;

    public bool ReadsOnly => true;

    public string Description => "What coaches in a niche on this platform charge (min, average, max monthly price) and their average subscribers.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "niche":{"type":"string","enum":["fitness","wellness","business","lifestyle"],"description":"Defaults to the coach's niche"}
        },"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var store = await storefront.FindAsync(scope.WorkspaceId, cancellationToken);
        var niche = arguments.OptionalChoice("niche", Niches) ?? store?.Profile.Niche;
        if (niche is null)
        {
            return ToolOutcome.Refused("I need to know your niche to compare prices.");
        }

        var currency = store?.Price?.Currency ?? "GBP";
        var benchmark = await storefront.GetNicheBenchmarksAsync(niche, currency, cancellationToken);
        var data = new NicheBenchmarkData(niche, benchmark.StoreCount, benchmark.MinPrice, benchmark.AvgPrice, benchmark.MaxPrice, benchmark.AvgSubscribers, currency);
        return ToolOutcome.Read(ToolResult.Done(
            benchmark.StoreCount == 0 ? $"No {niche} stores have set a price yet." : $"{benchmark.StoreCount} {niche} stores: {benchmark.MinPrice}–{benchmark.MaxPrice} {currency}, average {benchmark.AvgPrice}.",
            data));
    }
}
