using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Storefront.Stores;

/// <summary>Collects field-level reasons a change is refused; the first reason per field is kept.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string> All => _errors;

    public void Add(string field, string message) => _errors.TryAdd(field, message);

    public StoreResult ToResult() => new(new Dictionary<string, string>(_errors, StringComparer.Ordinal));

    public StoreResult<T> ToResult<T>() => new(default, new Dictionary<string, string>(_errors, StringComparer.Ordinal));

    /// <summary>Trims a required text and checks its length; returns the trimmed text.</summary>
    public string Required(string field, string? value, int maxLength, string emptyMessage, string tooLongMessage)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            Add(field, emptyMessage);
        }
        else if (text.Length > maxLength)
        {
            Add(field, tooLongMessage);
        }

        return text;
    }

    /// <summary>Trims an optional text; empty becomes null.</summary>
    public string? Optional(string field, string? value, int maxLength, string tooLongMessage)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(field, tooLongMessage);
        }

        return text;
    }

    /// <summary>An optional picture or link address: absolute http(s) or a path on this site.</summary>
    public string? OptionalWebAddress(string field, string? value, string message)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!WebAddress.IsAcceptable(text))
        {
            Add(field, message);
        }

        return text;
    }
}
