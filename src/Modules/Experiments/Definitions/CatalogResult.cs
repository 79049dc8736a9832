namespace CreatorOS.Modules.Experiments.Definitions;

/// <summary>Either the saved experiment, or field-level reasons it was refused (nothing was changed).</summary>
internal sealed record CatalogResult(Experiment? Experiment, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static CatalogResult Refused(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}
