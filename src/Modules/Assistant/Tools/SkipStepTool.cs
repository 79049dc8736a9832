using CreatorOS.Modules.Assistant.Conversation;

namespace CreatorOS.Modules.Assistant.Tools;

internal sealed class SkipStepTool : IAveryTool
{
    public string Name => ToolNames.SkipStep;

    public string Description => "Skip the current onboarding step when the coach says skip, not now or later.";

    public string ParametersSchema => """{"type":"object","properties":{},"additionalProperties":false}""";

    public Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        if (scope.Phase == OnboardingPhase.Complete)
        {
            return Task.FromResult(ToolOutcome.Refused("Onboarding is already finished; there is nothing to skip."));
        }

        scope.State = scope.State.Skip(scope.Phase);
        return Task.FromResult(ToolOutcome.Read(ToolResult.Done($"Skipped {scope.Phase.WireName()}.", new StepSkippedData(scope.Phase.WireName()))));
    }
}
