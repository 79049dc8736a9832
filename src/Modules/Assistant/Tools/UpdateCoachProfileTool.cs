using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Tools;

internal sealed class UpdateCoachProfileTool(IStorefront storefront) : IAveryTool
{
    public string Name => ToolNames.UpdateCoachProfile;

    public string Description => "Update the coach's profile on their store: name (exactly as the coach gave it), niche, specialty, bio, tone, photo URL. Only given fields change.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "preferred_name":{"type":"string","maxLength":100,"description":"What the coach wants to be called, exactly as typed"},
          "niche":{"type":"string","enum":["fitness","wellness","business","lifestyle"]},
          "specialty":{"type":"string","maxLength":200},
          "bio":{"type":"string","maxLength":1000,"description":"2-4 sentences, first person"},
          "tone":{"type":"string","enum":["casual","professional","energetic","calm"]},
          "photo_url":{"type":"string","maxLength":500}
        },"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var change = new ProfileChange(
            PreferredName: arguments.OptionalString("preferred_name", 100),
            Niche: arguments.OptionalString("niche", 40)?.ToLowerInvariant(),
            Specialty: arguments.OptionalString("specialty", 200),
            Bio: arguments.OptionalString("bio", 1000),
            Tone: arguments.OptionalString("tone", 20)?.ToLowerInvariant(),
            PhotoUrl: arguments.OptionalString("photo_url", 500));
        string?[] given = [change.PreferredName, change.Niche, change.Specialty, change.Bio, change.Tone, change.PhotoUrl];
        if (given.All(v => v is null))
        {
            return ToolOutcome.Refused("Nothing to change was given.");
        }

        var before = await storefront.FindAsync(scope.WorkspaceId, cancellationToken);
        var result = await storefront.UpdateProfileAsync(scope.WorkspaceId, change, cancellationToken);
        if (!result.Succeeded)
        {
            return ToolOutcome.Refused(result.Problem());
        }

        var after = await storefront.FindAsync(scope.WorkspaceId, cancellationToken);
        string[] names = ["preferred_name", "niche", "specialty", "bio", "tone", "photo_url"];
        var changed = names.Where((_, i) => given[i] is not null).ToList();
        var sections = new List<StoreSection> { StoreSection.Hero };
        if (before?.Theme.TemplateId != after?.Theme.TemplateId)
        {
            sections.Add(StoreSection.Theme);
        }

        return new ToolOutcome(ToolResult.Done("Profile updated: " + string.Join(", ", changed) + ".", new ProfileUpdatedData(changed)), sections);
    }
}
