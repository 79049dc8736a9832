using System.Text.Json.Serialization;

namespace CreatorOS.Modules.Assistant.Brain;

/// <summary>A button under an Avery message (PROTOCOL.md). Variant: primary | secondary | skip.</summary>
internal sealed record AveryButton(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("value")] string? Value = null,
    [property: JsonPropertyName("variant")] string Variant = "secondary",
    [property: JsonPropertyName("icon")] string? Icon = null);

/// <summary>An inline card in a message: type blog | bio | store | share_post | analytics.</summary>
internal sealed record AveryPreview(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("imageUrl")] string? ImageUrl = null,
    [property: JsonPropertyName("actions")] IReadOnlyList<AveryButton>? Actions = null);
