using CreatorOS.Modules.Assistant.Language;

namespace CreatorOS.UnitTests.Assistant;

public sealed class WhenParserTests
{
    // Wednesday 25 November 2026, 10:00 UTC.
    private static readonly DateTimeOffset Now = AveryTestKit.Now;

    [Theory]
    [InlineData("friday at 7pm", "2026-11-27T19:00:00Z")]
    [InlineData("Friday 7:30pm", "2026-11-27T19:30:00Z")]
    [InlineData("tomorrow 6pm", "2026-11-26T18:00:00Z")]
    [InlineData("tomorrow at 18:00", "2026-11-26T18:00:00Z")]
    [InlineData("next monday", "2026-11-30T18:00:00Z")]
    [InlineData("monday morning", "2026-11-30T09:00:00Z")]
    [InlineData("wednesday at 7", "2026-12-02T19:00:00Z")]
    [InlineData("tonight at 8pm", "2026-11-25T20:00:00Z")]
    [InlineData("at 9am", "2026-11-26T09:00:00Z")]
    [InlineData("3 december at 12:30", "2026-12-03T12:30:00Z")]
    [InlineData("January 5th", "2027-01-05T18:00:00Z")]
    [InlineData("schedule a live session for Saturday at noon", "2026-11-28T12:00:00Z")]
    public void Reads_times_relative_to_now(string text, string expected) =>
        WhenParser.Parse(text, Now).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("schedule a live session")]
    [InlineData("hello")]
    public void Returns_nothing_without_a_time(string text) => WhenParser.Parse(text, Now).ShouldBeNull();

    [Fact]
    public void The_default_slot_is_the_next_weekday_at_six_pm_at_least_a_day_ahead()
    {
        WhenParser.DefaultSlot(Now).ShouldBe(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));
        WhenParser.DefaultSlot(new DateTimeOffset(2026, 11, 26, 19, 0, 0, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero));
        WhenParser.DefaultSlot(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));
    }
}
