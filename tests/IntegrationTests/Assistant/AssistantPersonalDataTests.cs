using System.Text.Json;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Persistence;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>GDPR covers the conversation, its analytics and the uploaded photos too.</summary>
public sealed class AssistantPersonalDataTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_includes_the_conversation_and_erasure_removes_it_with_the_photos(DatabaseProvider provider)
    {
        await using var avery = await LiveAvery.StartAsync(provider);
        await avery.SignUpAsync();
        var (chat, _) = await avery.OpenChatAsync();
        await chat.SayAsync("Zebedee");
        await chat.SayAsync("I teach yoga to nurses");
        var photoUrl = await OnboardingJourneyTests.UploadPhotoAsync(avery);
        await chat.DisposeAsync();
        (await avery.Http.GetAsync(photoUrl)).IsSuccessStatusCode.ShouldBeTrue();

        var export = JsonDocument.Parse(await avery.Http.GetStringAsync("/account/export")).RootElement;
        var assistant = export.GetProperty("assistant");
        assistant.GetProperty("messages").GetArrayLength().ShouldBeGreaterThan(3);
        assistant.ToString().ShouldContain("Zebedee");
        assistant.GetProperty("photos").GetArrayLength().ShouldBe(1);
        var userId = export.GetProperty("accounts").GetProperty("user").GetProperty("id").GetString()!;

        var deleted = await avery.Browser.SubmitAsync("/account/delete", "delete-account", new Dictionary<string, string>
        {
            ["Input.Password"] = "correct horse battery",
            ["Input.Confirmation"] = "DELETE",
        });
        deleted.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/?deleted=1");
        await avery.Host.FlushEventsAsync();

        (await DatabaseScan.FindAsync(avery.Host, provider, [userId, "Zebedee", "nurses", "sam@example.com"])).ShouldBeEmpty();
        using var anonymous = new HttpClient { BaseAddress = avery.BaseAddress };
        (await anonymous.GetAsync(photoUrl)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
