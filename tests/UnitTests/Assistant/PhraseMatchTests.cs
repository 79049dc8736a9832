using CreatorOS.Modules.Assistant.Language;

namespace CreatorOS.UnitTests.Assistant;

public sealed class PhraseMatchTests
{
    [Theory]
    [InlineData("i teach yoga", "yoga", 8)]
    [InlineData("yoga classes", "yoga", 0)]
    [InlineData("yoga", "yoga", 0)]
    [InlineData("hot-yoga!", "yoga", 4)]
    [InlineData("i love yogalates but also yoga", "yoga", 26)]
    [InlineData("call me sam", "call me", 0)]
    [InlineData("price £12", "£12", 6)]
    [InlineData("café owner", "café", 0)]
    public void Finds_the_phrase_as_whole_words(string text, string phrase, int expected) =>
        PhraseMatch.Find(text, phrase).ShouldBe(expected);

    [Theory]
    [InlineData("yogalates", "yoga")]
    [InlineData("preyoga", "yoga")]
    [InlineData("yoga2", "yoga")]
    [InlineData("2yoga", "yoga")]
    [InlineData("cafés", "café")]
    [InlineData("", "yoga")]
    [InlineData("yo", "yoga")]
    [InlineData("yoga", "")]
    public void Ignores_the_phrase_inside_a_longer_word(string text, string phrase) =>
        PhraseMatch.Find(text, phrase).ShouldBe(-1);

    [Fact]
    public void First_of_keeps_list_order_not_text_order() =>
        PhraseMatch.FirstOf("fitness and yoga", ["yoga", "fitness"]).ShouldBe("yoga");
}
