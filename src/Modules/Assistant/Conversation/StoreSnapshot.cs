using System.Text.Json;
using System.Text.Json.Nodes;
using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>The store as the preview sees it: the full store view plus its absolute public URL.</summary>
internal static class StoreSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static JsonObject Of(StoreView store, string url)
    {
        var node = JsonSerializer.SerializeToNode(store, Json)!.AsObject();
        node["url"] = url;
        return node;
    }

    /// <summary>Wire names of the preview sections; sessions and sharing have no section of their own in the protocol.</summary>
    public static IReadOnlyList<string> Fields(IEnumerable<StoreSection> sections) =>
        [.. sections.Select(s => s switch
            {
                StoreSection.Hero => "hero",
                StoreSection.Pricing => "pricing",
                StoreSection.Blogs => "blogs",
                StoreSection.Theme => "theme",
                _ => null,
            })
            .OfType<string>()
            .Distinct()];
}
