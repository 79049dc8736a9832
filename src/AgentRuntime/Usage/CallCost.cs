using Microsoft.Extensions.AI;

namespace CreatorOS.AgentRuntime.Usage;

/// <summary>What one model call used and cost; <see cref="Priced"/> is false when the model has no price in configuration.</summary>
public sealed record CallCost(string Model, long InputTokens, long OutputTokens, decimal CostUsd, bool Priced)
{
    public static CallCost Of(string model, UsageDetails? usage, IReadOnlyDictionary<string, ModelPrice> prices)
    {
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        if (PriceOf(model, prices) is not { } price)
        {
            return new CallCost(model, input, output, 0m, false);
        }

        var cost = ((input * price.InputPerMillion) + (output * price.OutputPerMillion)) / 1_000_000m;
        return new CallCost(model, input, output, decimal.Round(cost, 8), true);
    }

    /// <summary>The exact name's price, else the longest listed alias the name extends with "-" (providers answer with dated snapshots).</summary>
    private static ModelPrice? PriceOf(string model, IReadOnlyDictionary<string, ModelPrice> prices) =>
        prices.TryGetValue(model, out var exact) ? exact
            : prices.Where(p => model.StartsWith(p.Key + "-", StringComparison.OrdinalIgnoreCase)).OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
}
