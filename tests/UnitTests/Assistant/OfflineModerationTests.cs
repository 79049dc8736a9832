using CreatorOS.Modules.Assistant.Safety;

namespace CreatorOS.UnitTests.Assistant;

public sealed class OfflineModerationTests
{
    [Theory]
    [InlineData("killer workout today!")]
    [InlineData("This class is sexy hard")]
    [InlineData("Let's kill it at the gym")]
    [InlineData("I want to smash my PB and crush this set")]
    [InlineData("This HIIT session is brutal, it'll destroy your legs")]
    [InlineData("Shoot me a message if you have questions")]
    [InlineData("Meal prep: chicken, rice, broccoli. £12.99/month, 24/7 support")]
    [InlineData("I help survivors of trauma find calm through breathwork")]
    [InlineData("Scunthorpe running club")]
    [InlineData("Cocktail recipes for the weekend")]
    [InlineData("")]
    public async Task Ordinary_coaching_talk_is_clean(string text) =>
        (await new OfflineModeration().CheckAsync(text, CancellationToken.None)).ShouldBe(ModerationVerdict.Clean);

    [Theory]
    [InlineData("I will kill you", "violence")]
    [InlineData("i'll k1ll y0u", "violence")]
    [InlineData("I want to kill myself", "self_harm")]
    [InlineData("sometimes I want to die", "self_harm")]
    [InlineData("free PORN here", "sexual")]
    [InlineData("p o r n", "sexual")]
    [InlineData("send nudes", "sexual")]
    [InlineData("you are a f4ggot", "hate")]
    [InlineData("heil hitler", "hate")]
    public async Task Flags_by_category_case_and_leetspeak_insensitive(string text, string category)
    {
        var verdict = await new OfflineModeration().CheckAsync(text, CancellationToken.None);
        verdict.Flagged.ShouldBeTrue();
        verdict.Category.ShouldBe(category);
    }
}
