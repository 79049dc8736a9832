using System.Net;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CreatorOS.IntegrationTests.Accounts;

public sealed class SignUpAndSignInTests
{
    private static FormClient Browser(CreatorOsHost host) =>
        new(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_new_coach_signs_up_and_lands_on_a_dashboard_with_their_store(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var browser = Browser(host);

        var response = await browser.SignUpAsync("sam@example.com", business: "Strong with Sam");
        await host.FlushEventsAsync();

        // The onboarding_v1 variant decides: the dashboard (control, scorecard) or Avery.
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBeOneOf("/avery", "/admin");
        var dashboard = await browser.Http.GetStringAsync("/admin");
        dashboard.ShouldContain("/s/strong-with-sam");
    }

    [Fact]
    public async Task Sign_up_explains_what_is_wrong_and_creates_nothing()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        var browser = Browser(host);

        var shortPassword = await (await browser.SignUpAsync("sam@example.com", password: "short")).Content.ReadAsStringAsync();
        shortPassword.ShouldContain("Use at least 10 characters.");

        var common = await (await browser.SignUpAsync("sam@example.com", password: "password123")).Content.ReadAsStringAsync();
        common.ShouldContain("too common");

        var badEmail = await (await browser.SignUpAsync("not-an-email", password: "correct horse battery")).Content.ReadAsStringAsync();
        badEmail.ShouldContain("doesn&#x27;t look like an email address");

        (await browser.SignInAsync("sam@example.com", "correct horse battery")).RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/signin");
    }

    [Fact]
    public async Task The_same_email_cannot_sign_up_twice()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        await Browser(host).SignUpAsync("sam@example.com");

        var second = await (await Browser(host).SignUpAsync("SAM@example.com")).Content.ReadAsStringAsync();

        second.ShouldContain("is already taken");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        await Browser(host).SignUpAsync("sam@example.com");
        var attacker = Browser(host);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await (await attacker.SignInAsync("sam@example.com", "wrong password " + i)).Content.ReadAsStringAsync();
            wrong.ShouldContain(i < 4 ? "don&#x27;t match an account" : "locked");
        }

        var right = await (await attacker.SignInAsync("sam@example.com", "correct horse battery")).Content.ReadAsStringAsync();
        right.ShouldContain("locked for 15 minutes");
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signup",
            ["Input.BusinessName"] = "Forged",
            ["Input.Email"] = "forged@example.com",
            ["Input.Password"] = "correct horse battery",
        });

        var response = await host.CreateClient().PostAsync("/account/signup", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Browser(host).SignInAsync("forged@example.com", "correct horse battery")).RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/signin");
    }

    [Fact]
    public async Task Owner_pages_send_anonymous_visitors_to_sign_in_and_back()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/admin");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/signin?ReturnUrl=%2Fadmin");
    }

    [Fact]
    public async Task Signing_in_returns_to_a_local_page_only_and_signing_out_ends_the_session()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        await Browser(host).SignUpAsync("sam@example.com");
        var browser = Browser(host);

        var evil = await browser.SubmitAsync("/account/signin?ReturnUrl=https%3A%2F%2Fevil.example", "signin", new Dictionary<string, string>
        {
            ["Input.Email"] = "sam@example.com",
            ["Input.Password"] = "correct horse battery",
        });
        evil.RequestMessage!.RequestUri!.Host.ShouldBe("localhost");
        evil.RequestMessage.RequestUri.AbsolutePath.ShouldBe("/admin");

        var signOut = await browser.SubmitAsync("/admin", formName: "", new Dictionary<string, string>(), actionUrl: "/account/signout");
        signOut.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.Http.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/signin");
    }
}
