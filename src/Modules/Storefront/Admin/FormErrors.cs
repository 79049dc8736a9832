namespace CreatorOS.Modules.Storefront.Admin;

/// <summary>Attribute values for inputs that a refused change pointed at.</summary>
internal static class FormErrors
{
    public static string? InvalidClass(IReadOnlyDictionary<string, string>? errors, string field) =>
        errors is not null && errors.ContainsKey(field) ? "invalid" : null;

    public static string? InvalidAria(IReadOnlyDictionary<string, string>? errors, string field) =>
        errors is not null && errors.ContainsKey(field) ? "true" : null;

    public static string? DescribedBy(IReadOnlyDictionary<string, string>? errors, string field, string id) =>
        errors is not null && errors.ContainsKey(field) ? id : null;

    /// <summary>A reason that belongs to no field on the form (e.g. the store is missing).</summary>
    public static string? General(IReadOnlyDictionary<string, string>? errors, params string[] formFields) =>
        errors?.Where(e => !formFields.Contains(e.Key)).Select(e => e.Value).FirstOrDefault();
}
