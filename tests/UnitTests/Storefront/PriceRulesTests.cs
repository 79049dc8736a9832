using CreatorOS.Modules.Storefront.Pricing;
using CreatorOS.Modules.Storefront.Stores;

namespace CreatorOS.UnitTests.Storefront;

public sealed class PriceRulesTests
{
    [Theory]
    [InlineData("GBP", "12.99", "£12.99/month")]
    [InlineData("usd", "9", "$9.00/month")]
    [InlineData(" eur ", "1000.00", "€1000.00/month")]
    [InlineData("GBP", "0.01", "£0.01/month")]
    public void Accepts_a_sane_monthly_price_and_displays_it(string currency, string amountText, string display)
    {
        var errors = new FieldErrors();
        var price = PriceRules.Validate(currency, decimal.Parse(amountText, System.Globalization.CultureInfo.InvariantCulture), errors);

        errors.Any.ShouldBeFalse();
        PriceRules.Display(price.Currency, price.Amount).ShouldBe(display);
    }

    [Theory]
    [InlineData("0", "The price must be more than zero.")]
    [InlineData("-1", "The price must be more than zero.")]
    [InlineData("12.999", "The price can have at most 2 decimal places.")]
    [InlineData("1000.01", "The price can be at most 1000.00 a month.")]
    public void Refuses_an_amount_with_a_clear_message(string amountText, string message)
    {
        var errors = new FieldErrors();
        PriceRules.Validate("GBP", decimal.Parse(amountText, System.Globalization.CultureInfo.InvariantCulture), errors);

        errors.All["amount"].ShouldBe(message);
        errors.All.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("JPY")]
    [InlineData("")]
    [InlineData("£")]
    public void Refuses_other_currencies(string currency)
    {
        var errors = new FieldErrors();
        PriceRules.Validate(currency, 12.99m, errors);

        errors.All["currency"].ShouldBe("Choose a currency: GBP, USD or EUR.");
    }

    [Fact]
    public void Reports_both_fields_at_once()
    {
        var errors = new FieldErrors();
        PriceRules.Validate("XYZ", 0m, errors);

        errors.All.Keys.ShouldBe(["currency", "amount"], ignoreOrder: true);
    }
}
