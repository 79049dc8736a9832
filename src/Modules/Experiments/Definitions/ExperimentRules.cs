using System.Text.RegularExpressions;

namespace CreatorOS.Modules.Experiments.Definitions;

/// <summary>What makes a draft valid; every problem gets its own message so the form can show them all.</summary>
internal static partial class ExperimentRules
{
    public const int MaxVariants = 10;

    [GeneratedRegex("^[a-z0-9][a-z0-9_]{0,49}$")]
    private static partial Regex KeyPattern();

    public static Dictionary<string, string> Check(ExperimentDraft draft, IReadOnlyCollection<string> metricKeys)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(draft.Key) || !KeyPattern().IsMatch(draft.Key))
        {
            errors["key"] = "Use 1–50 lower-case letters, digits or underscores for the key, e.g. onboarding_v2.";
        }

        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 200)
        {
            errors["name"] = "Give the experiment a name of at most 200 characters.";
        }

        if (draft.Description is { Length: > 2000 })
        {
            errors["description"] = "Keep the description under 2,000 characters.";
        }

        CheckVariants(draft.Variants, errors);

        if (!metricKeys.Contains(draft.PrimaryMetric))
        {
            errors["metric"] = $"Choose a metric from the list ('{draft.PrimaryMetric}' is not one).";
        }

        CheckTargeting(draft.Targeting, errors);
        return errors;
    }

    private static void CheckVariants(IReadOnlyList<VariantWeight> variants, Dictionary<string, string> errors)
    {
        if (variants.Count < 2 || variants.Count > MaxVariants)
        {
            errors["variants"] = $"An experiment needs between 2 and {MaxVariants} variants (it has {variants.Count}).";
            return;
        }

        var badKey = variants.FirstOrDefault(v => string.IsNullOrWhiteSpace(v.Key) || !KeyPattern().IsMatch(v.Key));
        if (badKey is not null)
        {
            errors["variants"] = $"Variant key '{badKey.Key}' is not valid: use lower-case letters, digits or underscores.";
            return;
        }

        var duplicate = variants.GroupBy(v => v.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors["variants"] = $"Variant key '{duplicate.Key}' is used {duplicate.Count()} times; each variant needs its own key.";
            return;
        }

        if (variants.Any(v => v.Weight is < 0 or > 100))
        {
            var bad = variants.First(v => v.Weight is < 0 or > 100);
            errors["weights"] = $"Variant '{bad.Key}' has weight {bad.Weight}: each weight is a whole percent between 0 and 100.";
            return;
        }

        var total = variants.Sum(v => v.Weight);
        if (total != 100)
        {
            errors["weights"] = $"Weights must add up to 100; they add up to {total}.";
        }
    }

    private static void CheckTargeting(IReadOnlyList<TargetingRule> rules, Dictionary<string, string> errors)
    {
        foreach (var rule in rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Attribute) || rule.Attribute.Length > 100)
            {
                errors["targeting"] = "Each targeting rule needs an attribute name (at most 100 characters).";
                return;
            }

            if (!TargetingRule.Operators.Contains(rule.Operator))
            {
                errors["targeting"] = $"Unknown targeting operator '{rule.Operator}'; use {string.Join(", ", TargetingRule.Operators)}.";
                return;
            }

            if (rule.Operator != "exists" && !rule.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                errors["targeting"] = $"The rule on '{rule.Attribute}' needs at least one value.";
                return;
            }
        }
    }
}
