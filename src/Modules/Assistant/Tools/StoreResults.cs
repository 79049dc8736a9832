using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Tools;

internal static class StoreResults
{
    /// <summary>The store's own validation messages, already written for coaches.</summary>
    public static string Problem(this StoreResult result) => string.Join(" ", result.Errors.Values);
}
