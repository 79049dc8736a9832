namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>Payments (Stripe Connect) arrive with the Commerce work; this tells the coach the honest next step.</summary>
internal sealed class SetupStripeTool : IAveryTool
{
    public string Name => ToolNames.SetupStripe;

    public string Description => "Start connecting payments so subscribers can pay.";

    public string ParametersSchema => """{"type":"object","properties":{},"additionalProperties":false}""";

    public Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(ToolOutcome.Read(ToolResult.Done(
            "Payments are not connected on this server yet.",
            new StripeSetupData("not_available", "Online payments aren't switched on here yet. Your price is saved, and your store shows subscribing as coming soon until they are."))));
}
