using System.Net.Http.Json;
using System.Text.Json;
using CreatorOS.Contracts.Accounts;
using CreatorOS.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

internal static class EngagementHosts
{
    public const string Password = "correct horse battery";

    /// <summary>A user registered directly (no form), signed in through the real sign-in form.</summary>
    public static async Task<(FormClient Client, RegistrationResult Account)> SignedInAsync(CreatorOsHost host, string email, bool platformAdmin = false)
    {
        RegistrationResult account;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            account = await scope.ServiceProvider.GetRequiredService<IAccountRegistration>()
                .RegisterCoachAsync(new CoachRegistration(email, Password, "Biz " + email, platformAdmin), CancellationToken.None);
        }

        account.Succeeded.ShouldBeTrue(string.Join("; ", account.Errors));
        await host.FlushEventsAsync();
        var client = new FormClient(host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }));
        var signIn = await client.SignInAsync(email, Password);
        ((int)signIn.StatusCode).ShouldBeLessThan(400);
        return (client, account);
    }

    /// <summary>Answers a nudge as the widget does: JSON plus the antiforgery header (unless told to leave it out).</summary>
    public static async Task<HttpResponseMessage> AnswerNudgeAsync(FormClient client, Guid nudgeId, string action, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/nudges/{nudgeId}/respond") { Content = JsonContent.Create(new { action }) };
        if (withToken)
        {
            using var tokenResponse = await client.Http.GetAsync("/avery/antiforgery-token");
            tokenResponse.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
            request.Headers.Add("RequestVerificationToken", body.RootElement.GetProperty("token").GetString());
        }

        return await client.Http.SendAsync(request);
    }

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string because, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new ShouldAssertException($"Timed out waiting: {because}");
            }

            await Task.Delay(100);
        }
    }
}
