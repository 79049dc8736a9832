using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CreatorOS.SharedKernel.Logging;

/// <summary>One JSON object per line, with personal data removed before it reaches any sink.</summary>
public sealed class RedactingJsonConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "creatoros-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception) ?? string.Empty;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Id != 0)
            {
                json.WriteNumber("eventId", logEntry.EventId.Id);
            }

            var properties = new Dictionary<string, string?>();
            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> state)
            {
                foreach (var (key, value) in state)
                {
                    if (key == "{OriginalFormat}")
                    {
                        continue;
                    }

                    var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                    if (PiiRedactor.IsSensitiveKey(key))
                    {
                        if (!string.IsNullOrEmpty(text))
                        {
                            message = message.Replace(text, PiiRedactor.Mask, StringComparison.Ordinal);
                        }

                        properties[key] = PiiRedactor.Mask;
                    }
                    else
                    {
                        properties[key] = text is null ? null : PiiRedactor.RedactText(text);
                    }
                }
            }

            json.WriteString("message", PiiRedactor.RedactText(message));
            if (properties.Count > 0)
            {
                json.WriteStartObject("properties");
                foreach (var (key, value) in properties)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", PiiRedactor.RedactText(exception.ToString()));
            }

            json.WriteEndObject();
        }

        textWriter.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
