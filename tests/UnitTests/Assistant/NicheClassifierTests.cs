using CreatorOS.Modules.Assistant.Language;

namespace CreatorOS.UnitTests.Assistant;

public sealed class NicheClassifierTests
{
    [Theory]
    [InlineData("I teach yoga", "wellness", "yoga")]
    [InlineData("I'm a powerlifting coach", "fitness", "powerlifting")]
    [InlineData("I help founders scale", "business", "founders")]
    [InlineData("I'm a lifestyle blogger", "lifestyle", null)]
    [InlineData("content creator", "lifestyle", null)]
    [InlineData("travel", "lifestyle", "travel")]
    [InlineData("Mostly meditation and breathwork", "wellness", "meditation")]
    [InlineData("I run a HIIT bootcamp", "fitness", "hiit")]
    [InlineData("strength training for women over 40", "fitness", "strength training")]
    [InlineData("I'm a personal trainer", "fitness", null)]
    [InlineData("executive coaching for new managers", "business", "executive coaching")]
    [InlineData("Leadership", "business", "leadership")]
    [InlineData("pilates", "wellness", "pilates")]
    [InlineData("I help parents with cooking for kids", "lifestyle", "cooking")]
    [InlineData("Fitness", "fitness", null)]
    [InlineData("WELLNESS", "wellness", null)]
    public void Classifies_what_coaches_say(string text, string niche, string? specialty)
    {
        var match = NicheClassifier.Classify(text).ShouldNotBeNull();
        match.Niche.ShouldBe(niche);
        match.Specialty.ShouldBe(specialty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hmm not sure")]
    [InlineData("I like turtles")]
    public void Returns_nothing_when_no_niche_is_named(string text) => NicheClassifier.Classify(text).ShouldBeNull();

    [Theory]
    [InlineData("yoga", "yoga")]
    [InlineData("It's mostly kettlebells", "kettlebells")]
    [InlineData("I specialise in postpartum recovery", "postpartum recovery")]
    [InlineData("my specialty is helping busy dads get stronger", "helping busy dads get stronger")]
    public void Reads_a_specialty_from_an_answer(string text, string specialty) =>
        SpecialtyParser.Parse(text, NicheClassifier.Classify(text)).ShouldBe(specialty);

    [Theory]
    [InlineData("what do you mean?")]
    [InlineData("")]
    public void A_question_is_not_a_specialty(string text) => SpecialtyParser.Parse(text).ShouldBeNull();
}
