using System.Globalization;
using CreatorOS.Modules.Storefront.Stores;

namespace CreatorOS.Modules.Storefront.Pricing;

/// <summary>The monthly subscription price of a store.</summary>
internal static class PriceRules
{
    public const decimal MaxAmount = 1000.00m;

    public static readonly IReadOnlyList<string> Currencies = ["GBP", "USD", "EUR"];

    public static (string Currency, decimal Amount) Validate(string? currency, decimal amount, FieldErrors errors)
    {
        var code = currency?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!Currencies.Contains(code))
        {
            errors.Add("currency", "Choose a currency: GBP, USD or EUR.");
        }

        if (amount <= 0)
        {
            errors.Add("amount", "The price must be more than zero.");
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors.Add("amount", "The price can have at most 2 decimal places.");
        }
        else if (amount > MaxAmount)
        {
            errors.Add("amount", $"The price can be at most {MaxAmount.ToString("0.00", CultureInfo.InvariantCulture)} a month.");
        }

        return (code, amount);
    }

    public static string Symbol(string currency) => currency switch
    {
        "GBP" => "£",
        "USD" => "$",
        "EUR" => "€",
        _ => currency + " ",
    };

    /// <summary>"£12.99/month".</summary>
    public static string Display(string currency, decimal amount) =>
        Symbol(currency) + amount.ToString("0.00", CultureInfo.InvariantCulture) + "/month";
}
