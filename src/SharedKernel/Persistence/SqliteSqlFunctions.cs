using System.Globalization;
using System.Text.RegularExpressions;
using SQLitePCL;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>
/// The SQL functions EF Core's SQLite provider translates to (decimal arithmetic and comparison,
/// which SQLite cannot do on the TEXT decimals are stored as, and <c>regexp</c>), registered once
/// per native connection by <see cref="SqliteConnectionSetup"/>.
/// </summary>
/// <remarks>
/// EF registers them with <c>SqliteConnection.CreateFunction</c>, and Microsoft.Data.Sqlite then
/// registers all seven with the native handle again on every open, even a pooled handle that has
/// them: a tenth of the bytes an Avery turn allocated. <see cref="SqliteConnectionOpenedLean"/>
/// makes EF's connections without them; these are the same functions with the same results
/// (decimals come back as TEXT in the format Microsoft.Data.Sqlite binds decimals in).
/// </remarks>
internal static class SqliteSqlFunctions
{
    private const int Flags = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;

    public static void Register(sqlite3 handle)
    {
        Decimals(handle, "ef_add", (l, r) => l + r);
        Decimals(handle, "ef_divide", (l, r) => l / r);
        Decimals(handle, "ef_mod", (l, r) => l % r);
        Decimals(handle, "ef_multiply", (l, r) => l * r);
        Scalar(handle, "ef_negate", 1, args => Read(args[0]) is { } value ? Write(-value) : null);
        Scalar(handle, "ef_compare", 2, args => Read(args[0]) is { } left && Read(args[1]) is { } right ? decimal.Compare(left, right) : null);
        Scalar(handle, "regexp", 2, args => Text(args[0]) is { } pattern && Text(args[1]) is { } input ? (Regex.IsMatch(input, pattern) ? 1 : 0) : null);
    }

    private static void Decimals(sqlite3 handle, string name, Func<decimal, decimal, decimal> operation) =>
        Scalar(handle, name, 2, args => Read(args[0]) is { } left && Read(args[1]) is { } right ? Write(operation(left, right)) : null);

    /// <summary>Registers a function whose result is TEXT (a string), INTEGER (an int) or NULL.</summary>
    private static void Scalar(sqlite3 handle, string name, int arguments, Func<sqlite3_value[], object?> function) =>
        Check(raw.sqlite3_create_function(handle, name, arguments, Flags, null, (context, _, args) => Guarded(context, () =>
        {
            switch (function(args))
            {
                case string text:
                    raw.sqlite3_result_text(context, text);
                    break;
                case int number:
                    raw.sqlite3_result_int(context, number);
                    break;
                default:
                    raw.sqlite3_result_null(context);
                    break;
            }
        })));

    /// <summary>
    /// Division by zero and overflow give NULL, as EF's own registration does (SqliteSqlFunctionsTests
    /// compares the two); a value that is no number or a bad pattern is the statement's SQL error.
    /// Nothing thrown here may cross into native code.
    /// </summary>
    private static void Guarded(sqlite3_context context, Action body)
    {
        try
        {
            body();
        }
        catch (ArithmeticException)
        {
            raw.sqlite3_result_null(context);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or RegexMatchTimeoutException)
        {
            raw.sqlite3_result_error(context, exception.Message);
        }
    }

    private static decimal? Read(sqlite3_value value) => raw.sqlite3_value_type(value) switch
    {
        raw.SQLITE_NULL => null,
        raw.SQLITE_INTEGER => raw.sqlite3_value_int64(value),
        raw.SQLITE_FLOAT => (decimal)raw.sqlite3_value_double(value),
        _ => decimal.Parse(raw.sqlite3_value_text(value).utf8_to_string(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture),
    };

    private static string? Text(sqlite3_value value) =>
        raw.sqlite3_value_type(value) == raw.SQLITE_NULL ? null : raw.sqlite3_value_text(value).utf8_to_string();

    /// <summary>As Microsoft.Data.Sqlite binds a decimal parameter, so results compare with stored values.</summary>
    private static string Write(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);

    private static void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused a SQL function (error {result}).");
        }
    }
}
