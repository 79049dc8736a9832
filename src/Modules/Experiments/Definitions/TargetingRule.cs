namespace CreatorOS.Modules.Experiments.Definitions;

/// <summary>
/// One condition on a unit's attributes; an experiment's rules must all hold. Operators:
/// <c>equals</c>, <c>in</c>, <c>not_in</c> (case-sensitive, like GrowthBook's <c>$in</c>/<c>$nin</c>) and
/// <c>exists</c>. A missing attribute matches only <c>not_in</c>.
/// </summary>
internal sealed record TargetingRule(string Attribute, string Operator, IReadOnlyList<string> Values)
{
    public static readonly IReadOnlyList<string> Operators = ["equals", "in", "not_in", "exists"];

    public bool Matches(IReadOnlyDictionary<string, string>? attributes)
    {
        var present = attributes is not null && attributes.TryGetValue(Attribute, out var value);
        var actual = present ? attributes![Attribute] : null;
        return Operator switch
        {
            "exists" => present,
            "equals" => present && Values.Count > 0 && actual == Values[0],
            "in" => present && Values.Contains(actual!),
            "not_in" => !present || !Values.Contains(actual!),
            _ => false,
        };
    }

    public static bool AllMatch(IReadOnlyList<TargetingRule> rules, IReadOnlyDictionary<string, string>? attributes) =>
        rules.All(rule => rule.Matches(attributes));
}
