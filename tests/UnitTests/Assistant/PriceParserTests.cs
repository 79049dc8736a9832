using CreatorOS.Modules.Assistant.Language;

namespace CreatorOS.UnitTests.Assistant;

public sealed class PriceParserTests
{
    [Theory]
    [InlineData("I was thinking £12.99", "12.99", "GBP")]
    [InlineData("£12.99", "12.99", "GBP")]
    [InlineData("9.99 a month", "9.99", null)]
    [InlineData("€15", "15", "EUR")]
    [InlineData("$20/mo", "20", "USD")]
    [InlineData("twelve pounds", "12", "GBP")]
    [InlineData("12 quid", "12", "GBP")]
    [InlineData("15 euros", "15", "EUR")]
    [InlineData("let's go with 25 dollars", "25", "USD")]
    [InlineData("9,99 €", "9.99", "EUR")]
    [InlineData("GBP 14.50", "14.5", "GBP")]
    [InlineData("twenty five quid a month", "25", "GBP")]
    [InlineData("twelve ninety-nine a month", "12.99", null)]
    [InlineData("maybe 19.99 per month?", "19.99", null)]
    [InlineData("£ 7", "7", "GBP")]
    [InlineData("12 pounds 50", "12.50", "GBP")]
    public void Finds_a_stated_price(string text, string amount, string? currency)
    {
        var price = PriceParser.Parse(text, bareNumberIsPrice: false).ShouldNotBeNull();
        price.Amount.ShouldBe(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        price.Currency.ShouldBe(currency);
    }

    [Theory]
    [InlineData("12.99", "12.99")]
    [InlineData("15", "15")]
    [InlineData("how about 14.99", "14.99")]
    [InlineData("twelve ninety nine", "12.99")]
    public void A_bare_number_is_a_price_only_when_a_price_was_asked_for(string text, string amount)
    {
        PriceParser.Parse(text, bareNumberIsPrice: true)!.Amount.ShouldBe(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        PriceParser.Parse(text, bareNumberIsPrice: false).ShouldBeNull();
    }

    [Theory]
    [InlineData("I have 200 subscribers")]
    [InlineData("friday at 7pm")]
    [InlineData("I'll go with one of those")]
    [InlineData("hello")]
    [InlineData("")]
    public void Other_numbers_are_not_prices(string text) => PriceParser.Parse(text, bareNumberIsPrice: true).ShouldBeNull();
}
