using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Tools;

internal sealed class SetSubscriptionPriceTool(IStorefront storefront) : IAveryTool
{
    public string Name => ToolNames.SetSubscriptionPrice;

    public string Description => "Set the monthly subscription price of the coach's store.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "amount":{"type":"number","exclusiveMinimum":0,"maximum":1000,"description":"Monthly price, at most 2 decimals"},
          "currency":{"type":"string","enum":["GBP","USD","EUR"],"default":"GBP"}
        },"required":["amount"],"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var amount = arguments.OptionalDecimal("amount") ?? throw new ToolArgumentException("'amount' is needed.");
        var currency = arguments.OptionalString("currency", 8)?.ToUpperInvariant() ?? "GBP";
        var result = await storefront.SetPriceAsync(scope.WorkspaceId, currency, amount, cancellationToken);
        if (!result.Succeeded)
        {
            return ToolOutcome.Refused(result.Problem());
        }

        var price = (await storefront.FindAsync(scope.WorkspaceId, cancellationToken))!.Price!;
        return ToolOutcome.WithChanges(ToolResult.Done($"Price set to {price.Display}.", new PriceSetData(price)), StoreSection.Pricing);
    }
}
