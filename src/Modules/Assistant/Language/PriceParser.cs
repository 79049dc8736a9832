using System.Globalization;
using System.Text.RegularExpressions;

namespace CreatorOS.Modules.Assistant.Language;

/// <summary>A monthly price the coach stated; Currency is GBP | USD | EUR, or null when they did not say.</summary>
internal sealed record PriceMention(decimal Amount, string? Currency);

/// <summary>
/// Finds a price in free text: "£12.99", "9.99 a month", "€15", "$20/mo", "12 quid", "15 euros",
/// "twelve pounds", "twelve ninety-nine". A bare number ("12.99") only counts when the caller says
/// the coach was asked for a price.
/// </summary>
internal static partial class PriceParser
{
    private static readonly Dictionary<string, string> CurrencyWords = new(StringComparer.Ordinal)
    {
        ["£"] = "GBP", ["gbp"] = "GBP", ["pound"] = "GBP", ["pounds"] = "GBP", ["quid"] = "GBP", ["sterling"] = "GBP",
        ["$"] = "USD", ["usd"] = "USD", ["dollar"] = "USD", ["dollars"] = "USD", ["bucks"] = "USD", ["buck"] = "USD",
        ["€"] = "EUR", ["eur"] = "EUR", ["euro"] = "EUR", ["euros"] = "EUR",
    };

    public static PriceMention? Parse(string? text, bool bareNumberIsPrice)
    {
        var digits = TextNormalizer.Fold(TextNormalizer.Normalize(text));
        var folded = NumberWords.Replace(digits);
        if (folded.Length == 0)
        {
            return null;
        }

        var match = SymbolFirst().Match(folded);
        if (match.Success)
        {
            return Mention(match.Groups["amount"].Value, match.Groups["cur"].Value, match.Groups["cents"].Value);
        }

        match = AmountFirst().Match(folded);
        if (match.Success)
        {
            return Mention(match.Groups["amount"].Value, match.Groups["cur"].Value, match.Groups["cents"].Value);
        }

        match = PerMonth().Match(folded);
        if (match.Success)
        {
            return Mention(match.Groups["amount"].Value, null, null);
        }

        if (!bareNumberIsPrice || TextNormalizer.WordCount(folded) > 8)
        {
            return null;
        }

        // Spelled-out numbers count alone only when they are the whole reply ("twelve ninety nine"), never "one of those".
        match = Bare().Match(digits);
        if (!match.Success && folded.Split(' ').Length == 1)
        {
            match = Bare().Match(folded);
        }

        return match.Success ? Mention(match.Groups["amount"].Value, null, null) : null;
    }

    private static PriceMention? Mention(string amountText, string? currencyWord, string? centsText)
    {
        var amountNormal = amountText.Replace(',', '.');
        if (!decimal.TryParse(amountNormal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(centsText) && int.TryParse(centsText, CultureInfo.InvariantCulture, out var cents) && cents < 100 && amount == decimal.Truncate(amount))
        {
            amount += cents / 100m;
        }

        var currency = string.IsNullOrEmpty(currencyWord) ? null : CurrencyWords.GetValueOrDefault(currencyWord);
        return amount > 0 ? new PriceMention(amount, currency) : null;
    }

    // "£12.99", "$ 20", "gbp 15", "eur 9,99"
    [GeneratedRegex(@"(?<cur>[£$€]|\bgbp|\busd|\beur)\s?(?<amount>\d{1,5}(?:[.,]\d{1,2})?)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolFirst();

    // "15 euros", "12 quid", "9,99 €", "12 pounds 50"
    [GeneratedRegex(@"(?<![\d.,])(?<amount>\d{1,5}(?:[.,]\d{1,2})?)\s?(?<cur>[£$€]|gbp\b|usd\b|eur\b|pounds?\b|quid\b|sterling\b|dollars?\b|bucks?\b|euros?\b)(?:\s(?<cents>\d{1,2})\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex AmountFirst();

    // "9.99 a month", "20/mo", "15 per month", "12.50 monthly"
    [GeneratedRegex(@"(?<![\d.,])(?<amount>\d{1,5}(?:[.,]\d{1,2})?)\s?(?:(?:a|per|/|each)\s?(?:month|mo|mth|m)\b|monthly\b|pcm\b|p/m\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PerMonth();

    [GeneratedRegex(@"(?<![\d.,:])(?<amount>\d{1,5}(?:[.,]\d{1,2})?)(?![\d:]|\s?(?:am|pm|st|nd|rd|th|%|subscribers?|people|members|blogs?|posts?|followers?)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Bare();
}
