using CreatorOS.Modules.Assistant.Language;

namespace CreatorOS.UnitTests.Assistant;

public sealed class NameParserTests
{
    [Theory]
    [InlineData("Sam", "Sam")]
    [InlineData("I'm Sam", "Sam")]
    [InlineData("I am Sam", "Sam")]
    [InlineData("call me Sam", "Sam")]
    [InlineData("Call me Sam!", "Sam")]
    [InlineData("it's Sam", "Sam")]
    [InlineData("It’s Sam", "Sam")]
    [InlineData("my name is Sam Taylor", "Sam Taylor")]
    [InlineData("name's Jo", "Jo")]
    [InlineData("this is Priya", "Priya")]
    [InlineData("hi, I'm Alex", "Alex")]
    [InlineData("Hey! I'm Alex, nice to meet you", "Alex")]
    [InlineData("hello i am maria", "maria")]
    [InlineData("Jonh", "Jonh")]
    [InlineData("jonh", "jonh")]
    [InlineData("  Coach Kate  ", "Coach Kate")]
    [InlineData("Will", "Will")]
    [InlineData("Zoë", "Zoë")]
    [InlineData("Dr. Smith", "Dr. Smith")]
    [InlineData("\"Mo\"", "Mo")]
    public void Keeps_the_name_exactly_as_typed_without_the_words_around_it(string text, string name) =>
        NameParser.Parse(text).ShouldBe(name);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("what do you mean?")]
    [InlineData("why do you need my name?")]
    [InlineData("12345")]
    [InlineData("my name is something I would rather not share today")]
    [InlineData("I teach yoga")]
    [InlineData("I'm a powerlifting coach")]
    [InlineData("a fitness coach")]
    [InlineData("sam@example.com")]
    [InlineData("https://example.com")]
    public void Refuses_what_is_not_a_name(string text) => NameParser.Parse(text).ShouldBeNull();

    [Fact]
    public void Refuses_a_name_over_100_characters() => NameParser.Parse(new string('a', 101)).ShouldBeNull();

    [Theory]
    [InlineData("actually, call me Sammy", "Sammy")]
    [InlineData("My name is Jo", "Jo")]
    [InlineData("I'm Sam", null)]
    [InlineData("I want a blog", null)]
    public void Explicit_names_are_recognised_anywhere(string text, string? name) => NameParser.ParseExplicit(text).ShouldBe(name);
}
