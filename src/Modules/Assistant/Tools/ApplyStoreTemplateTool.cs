using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Tools;

internal sealed class ApplyStoreTemplateTool(IStorefront storefront) : IAveryTool
{
    public string Name => ToolNames.ApplyStoreTemplate;

    public string Description => "Change the store's look: a template id, or a variant (e.g. minimal, dark, bold) within the coach's niche.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "template_id":{"type":"string","enum":["fitness_bold","fitness_minimal","fitness_dark","wellness_calm","wellness_nature","wellness_warm","business_clean","business_modern","business_dark","creator_modern","creator_vibrant","creator_minimal"]},
          "variant":{"type":"string","enum":["bold","minimal","dark","calm","nature","warm","clean","modern","vibrant"]}
        },"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var store = await storefront.FindAsync(scope.WorkspaceId, cancellationToken);
        if (store is null)
        {
            return ToolOutcome.Refused("Your store isn't open yet.");
        }

        var niche = store.Profile.Niche ?? "lifestyle";
        var family = storefront.Templates.Where(t => t.Niche == niche).ToList();
        var variants = family.Select(VariantOf).ToList();
        var templateId = arguments.OptionalString("template_id", 40)?.ToLowerInvariant();
        var variant = arguments.OptionalString("variant", 20)?.ToLowerInvariant();
        var template = templateId is not null
            ? storefront.Templates.FirstOrDefault(t => t.Id == templateId)
            : variant is not null ? family.FirstOrDefault(t => VariantOf(t) == variant) : null;
        if (template is null)
        {
            return ToolOutcome.Refused($"For a {niche} store I have these looks: {string.Join(", ", variants)}.", new TemplateAppliedData(store.Theme.TemplateId, store.Theme.TemplateName, variants));
        }

        var result = await storefront.ApplyTemplateAsync(scope.WorkspaceId, template.Id, cancellationToken);
        return result.Succeeded
            ? ToolOutcome.WithChanges(ToolResult.Done($"Applied {template.Name}.", new TemplateAppliedData(template.Id, template.Name, variants)), StoreSection.Theme)
            : ToolOutcome.Refused(result.Problem());
    }

    private static string VariantOf(StoreTemplateView template) => template.Id[(template.Id.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
