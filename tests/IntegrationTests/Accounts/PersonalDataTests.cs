using System.Text.Json;
using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Identity;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Accounts;

/// <summary>GDPR: an owner can take all their data with them, and can leave without a trace.</summary>
public sealed class PersonalDataTests
{
    private const string Password = "correct horse battery";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_holds_the_account_the_store_and_its_content(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var (browser, _) = await CoachWithFurnishedStoreAsync(host, "sam@example.com", "Strong with Sam");

        var response = await browser.Http.GetAsync("/account/export");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.ToString().ShouldContain("attachment");
        using var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var text = export.RootElement.ToString();
        text.ShouldContain("sam@example.com");
        text.ShouldContain("strong-with-sam");
        text.ShouldContain("Meal prep for lifters");
        text.ShouldContain("Priya");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Deleting_an_account_leaves_nothing_of_it_in_any_table_and_spares_other_coaches(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var (sam, samWorkspace) = await CoachWithFurnishedStoreAsync(host, "sam@example.com", "Strong with Sam");
        var (_, alexWorkspace) = await CoachWithFurnishedStoreAsync(host, "alex@example.org", "Calm with Alex");
        var samUserId = await UserIdAsync(sam);

        var wrongPassword = await sam.SubmitAsync("/account/delete", "delete-account", new Dictionary<string, string>
        {
            ["Input.Password"] = "not my password",
            ["Input.Confirmation"] = "DELETE",
        });
        (await wrongPassword.Content.ReadAsStringAsync()).ShouldContain("Nothing was deleted");

        var deleted = await sam.SubmitAsync("/account/delete", "delete-account", new Dictionary<string, string>
        {
            ["Input.Password"] = Password,
            ["Input.Confirmation"] = "DELETE",
        });
        deleted.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/?deleted=1");
        await host.FlushEventsAsync();

        var traces = await DatabaseScan.FindAsync(host, provider, [samUserId.ToString(), samWorkspace.ToString(), "sam@example.com", "strong-with-sam", "with Strong with Sam", "of Strong with Sam"]);
        traces.ShouldBeEmpty();

        var alexTraces = await DatabaseScan.FindAsync(host, provider, [alexWorkspace.ToString(), "alex@example.org", "calm-with-alex", "with Calm with Alex", "of Calm with Alex"]);
        alexTraces.ShouldContain(t => t.StartsWith("accounts_users.email", StringComparison.Ordinal));
        alexTraces.ShouldContain(t => t.StartsWith("storefront_blogs.title", StringComparison.Ordinal));
        alexTraces.ShouldContain(t => t.StartsWith("storefront_subscribers.name", StringComparison.Ordinal));
        (await new FormClient(host.CreateClient()).SignInAsync("sam@example.com", Password)).RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/signin");
    }

    private static async Task<(FormClient Browser, Guid WorkspaceId)> CoachWithFurnishedStoreAsync(CreatorOsHost host, string email, string business)
    {
        var browser = new FormClient(host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true }));
        await browser.SignUpAsync(email, Password, business);
        await host.FlushEventsAsync();

        var workspaceId = await WorkspaceIdAsync(host, email);
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IStorefront>();
        (await store.UpdateProfileAsync(workspaceId, new ProfileChange(PreferredName: business.Split(' ')[^1], Niche: "fitness", Bio: "I coach."), default)).Succeeded.ShouldBeTrue();
        (await store.SetPriceAsync(workspaceId, "GBP", 12.99m, default)).Succeeded.ShouldBeTrue();
        (await store.AddBlogAsync(workspaceId, new BlogDraft($"Meal prep for lifters with {business}", "## Sunday\nCook once.", Publish: true), default)).Succeeded.ShouldBeTrue();
        (await store.ScheduleLiveSessionAsync(workspaceId, "Live Q&A", DateTimeOffset.UtcNow.AddDays(2), default)).Succeeded.ShouldBeTrue();
        (await store.AddSubscriberAsync(workspaceId, $"Priya of {business}", default)).Succeeded.ShouldBeTrue();
        await host.FlushEventsAsync();
        return (browser, workspaceId);
    }

    private static async Task<Guid> WorkspaceIdAsync(CreatorOsHost host, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreatorOS.Modules.Accounts.Data.AccountsDbContext>();
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized);
        return await db.Members.Where(m => m.UserId == user.Id && m.Role == WorkspaceRoles.Owner).Select(m => m.WorkspaceId).SingleAsync();
    }

    private static async Task<Guid> UserIdAsync(FormClient browser)
    {
        using var export = JsonDocument.Parse(await browser.Http.GetStringAsync("/account/export"));
        return export.RootElement.GetProperty("accounts").GetProperty("user").GetProperty("id").GetGuid();
    }
}
