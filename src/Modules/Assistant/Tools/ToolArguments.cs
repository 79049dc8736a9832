using System.Globalization;
using System.Text.Json;

namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>A tool argument that is missing or malformed; becomes a polite clarification, never a crash.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message);

/// <summary>
/// Typed, validated reads of a tool call's arguments. Values arrive as .NET values from the
/// offline brain and as JsonElements from a model; both are accepted, nothing else is trusted.
/// </summary>
internal sealed class ToolArguments(IDictionary<string, object?>? values)
{
    private readonly IDictionary<string, object?> _values = values ?? new Dictionary<string, object?>();

    public bool Has(string name) => _values.TryGetValue(name, out var value) && value is not null && !(value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined });

    public string? OptionalString(string name, int maxLength)
    {
        if (!_values.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        var text = value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            _ => throw new ToolArgumentException($"'{name}' should be text."),
        };
        text = text?.Trim();
        if (text is { Length: > 0 } && text.Length > maxLength)
        {
            throw new ToolArgumentException($"'{name}' is too long (at most {maxLength} characters).");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    public string RequiredString(string name, int maxLength) =>
        OptionalString(name, maxLength) ?? throw new ToolArgumentException($"'{name}' is needed.");

    public string? OptionalChoice(string name, IReadOnlyCollection<string> allowed)
    {
        var value = OptionalString(name, 64)?.ToLowerInvariant();
        if (value is not null && !allowed.Contains(value))
        {
            throw new ToolArgumentException($"'{name}' must be one of: {string.Join(", ", allowed)}.");
        }

        return value;
    }

    public decimal? OptionalDecimal(string name)
    {
        if (!_values.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        try
        {
            return value switch
            {
                decimal d => d,
                double d when double.IsFinite(d) => (decimal)d,
                float f when float.IsFinite(f) => (decimal)f,
                int i => i,
                long l => l,
                string s => decimal.Parse(s.Trim().TrimStart('£', '$', '€'), NumberStyles.Number, CultureInfo.InvariantCulture),
                JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDecimal(),
                JsonElement { ValueKind: JsonValueKind.String } e => decimal.Parse(e.GetString()!.Trim().TrimStart('£', '$', '€'), NumberStyles.Number, CultureInfo.InvariantCulture),
                _ => throw new ToolArgumentException($"'{name}' should be a number."),
            };
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            throw new ToolArgumentException($"'{name}' should be a number.");
        }
    }

    public int OptionalInt(string name, int min, int max, int fallback)
    {
        var value = OptionalDecimal(name);
        if (value is null)
        {
            return fallback;
        }

        if (value != decimal.Truncate(value.Value) || value < min || value > max)
        {
            throw new ToolArgumentException($"'{name}' must be a whole number from {min} to {max}.");
        }

        return (int)value.Value;
    }

    public bool OptionalBool(string name)
    {
        if (!_values.TryGetValue(name, out var value) || value is null)
        {
            return false;
        }

        return value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            _ => throw new ToolArgumentException($"'{name}' should be true or false."),
        };
    }

    public Guid RequiredGuid(string name) =>
        Guid.TryParse(RequiredString(name, 64), out var id) ? id : throw new ToolArgumentException($"'{name}' is not a valid id.");

    public DateTimeOffset RequiredInstant(string name) =>
        DateTimeOffset.TryParse(RequiredString(name, 64), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new ToolArgumentException($"'{name}' should be a date and time like 2026-11-27T18:00:00Z.");
}
