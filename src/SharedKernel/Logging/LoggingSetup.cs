using Microsoft.Extensions.Logging;

namespace CreatorOS.SharedKernel.Logging;

public static class LoggingSetup
{
    /// <summary>Replaces the default console output with redacted JSON lines.</summary>
    public static ILoggingBuilder AddRedactedJsonConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(options => options.FormatterName = RedactingJsonConsoleFormatter.FormatterName);
        logging.AddConsoleFormatter<RedactingJsonConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        return logging;
    }
}
