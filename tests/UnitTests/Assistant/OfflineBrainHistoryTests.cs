using CreatorOS.Modules.Assistant.Brain;
using CreatorOS.Modules.Assistant.Conversation;
using Microsoft.Extensions.AI;
using static CreatorOS.UnitTests.Assistant.AveryTestKit;

namespace CreatorOS.UnitTests.Assistant;

/// <summary>
/// The engine skips the history query for the offline brain and tells it how many messages came
/// before instead (<see cref="BrainContext.EarlierMessages"/>): its answer must be the one it gives
/// with the window loaded.
/// </summary>
public sealed class OfflineBrainHistoryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    public async Task Counting_earlier_messages_answers_as_the_loaded_window_does(int earlier)
    {
        var store = new StoreBuilder().Named("Sam").InNiche("fitness", "powerlifting").Build();
        var window = Enumerable.Range(0, earlier)
            .Select(i => new ChatMessage(i % 2 == 0 ? ChatRole.Assistant : ChatRole.User, $"earlier message {i}"))
            .ToArray();
        var input = User("qwzx blorp");

        var loaded = await Respond(Context(store, OnboardingPhase.Pricing), [.. window, input]);
        var counted = await Respond(Context(store, OnboardingPhase.Pricing) with { EarlierMessages = earlier }, input);

        counted.Text().ShouldBe(loaded.Text());
        counted.ResponseId.ShouldBe(loaded.ResponseId);
    }
}
