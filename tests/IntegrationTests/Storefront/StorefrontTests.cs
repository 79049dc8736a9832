using System.Net;
using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Storefront;

public sealed class StoreChanges
{
    public List<StoreChanged> Seen { get; } = [];
}

public sealed class RecordStoreChanges(StoreChanges changes) : IIntegrationEventHandler<StoreChanged>
{
    public Task HandleAsync(StoreChanged integrationEvent, CancellationToken cancellationToken)
    {
        changes.Seen.Add(integrationEvent);
        return Task.CompletedTask;
    }
}

/// <summary>The owner edits the store through the admin forms; the public sees it at /s/{slug}.</summary>
public sealed class StorefrontTests
{
    private static async Task<(CreatorOsHost Host, StoreChanges Changes)> HostAsync(DatabaseProvider provider)
    {
        var changes = new StoreChanges();
        var host = await CreatorOsHost.StartAsync(provider, services =>
        {
            services.AddSingleton(changes);
            services.AddIntegrationEventHandler<StoreChanged, RecordStoreChanges>();
        });
        return (host, changes);
    }

    private static async Task<FormClient> OwnerAsync(CreatorOsHost host, string email, string business)
    {
        var owner = new FormClient(host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true }));
        await owner.SignUpAsync(email, business: business);
        await host.FlushEventsAsync();
        return owner;
    }

    private static Task<HttpResponseMessage> SaveProfileAsync(FormClient owner, string name, string bio) =>
        owner.SubmitAsync("/admin/store", "store-profile", new Dictionary<string, string>
        {
            ["Profile.PreferredName"] = name,
            ["Profile.Niche"] = "fitness",
            ["Profile.Specialty"] = "Strength for parents",
            ["Profile.Bio"] = bio,
            ["Profile.Tone"] = "casual",
            ["Profile.PhotoUrl"] = "/img/demo-coach.svg",
        });

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task What_the_owner_sets_in_admin_appears_on_the_public_store_page(DatabaseProvider provider)
    {
        var (host, changes) = await HostAsync(provider);
        await using var _ = host;
        var owner = await OwnerAsync(host, "sam@example.com", "Strong with Sam");

        (await SaveProfileAsync(owner, "Sam", "I help busy parents lift.")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await owner.SubmitAsync("/admin/store", "store-price", new Dictionary<string, string> { ["Price.Currency"] = "GBP", ["Price.Amount"] = "12.99" });
        await owner.SubmitAsync("/admin/store/blogs", "blog-add", new Dictionary<string, string>
        {
            ["Draft.Title"] = "Three lifts",
            ["Draft.BodyMarkdown"] = "## Squat\nSit between your heels.\n\n<script>alert('x')</script>",
            ["Draft.Category"] = "Training",
            ["Draft.Tags"] = "strength, beginners",
            ["Draft.Publish"] = "true",
        });
        await host.FlushEventsAsync();

        var visitor = host.CreateClient();
        var store = await visitor.GetStringAsync("/s/strong-with-sam");
        store.ShouldContain("Sam");
        store.ShouldContain("I help busy parents lift.");
        store.ShouldContain("£12.99");
        store.ShouldContain("Three lifts");
        store.ShouldContain("--store-primary");

        var blog = await visitor.GetStringAsync("/s/strong-with-sam/blog/three-lifts");
        blog.ShouldContain("<h2");
        blog.ShouldContain("Sit between your heels.");
        blog.ShouldNotContain("<script>alert");
        blog.ShouldContain("&lt;script&gt;");

        changes.Seen.SelectMany(c => c.Sections).Distinct().ShouldBe([StoreSection.Hero, StoreSection.Theme, StoreSection.Pricing, StoreSection.Blogs], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_bad_price_is_explained_and_changes_nothing(DatabaseProvider provider)
    {
        var (host, changes) = await HostAsync(provider);
        await using var _ = host;
        var owner = await OwnerAsync(host, "sam@example.com", "Strong with Sam");
        await host.FlushEventsAsync();
        var before = changes.Seen.Count;

        var response = await owner.SubmitAsync("/admin/store", "store-price", new Dictionary<string, string> { ["Price.Currency"] = "GBP", ["Price.Amount"] = "12.999" });
        await host.FlushEventsAsync();

        (await response.Content.ReadAsStringAsync()).ShouldContain("2 decimal places");
        changes.Seen.Count.ShouldBe(before);
        await using var scope = host.Services.CreateAsyncScope();
        var store = await scope.ServiceProvider.GetRequiredService<IStorefront>().FindBySlugAsync("strong-with-sam", default);
        store!.Price.ShouldBeNull();
    }

    [Fact]
    public async Task One_owner_edits_only_their_own_store()
    {
        var (host, _) = await HostAsync(DatabaseProvider.Sqlite);
        await using var __ = host;
        var sam = await OwnerAsync(host, "sam@example.com", "Strong with Sam");
        var alex = await OwnerAsync(host, "alex@example.org", "Calm with Alex");
        await SaveProfileAsync(sam, "Sam", "Sam's bio.");

        await SaveProfileAsync(alex, "Alex", "Alex's bio.");

        var samPage = await host.CreateClient().GetStringAsync("/s/strong-with-sam");
        samPage.ShouldContain("Sam&#x27;s bio.");
        samPage.ShouldNotContain("Alex");
        (await alex.Http.GetStringAsync("/admin")).ShouldContain("/s/calm-with-alex");
    }

    [Fact]
    public async Task Unknown_stores_and_unpublished_posts_are_a_friendly_404()
    {
        var (host, _) = await HostAsync(DatabaseProvider.Sqlite);
        await using var _ = host;
        var owner = await OwnerAsync(host, "sam@example.com", "Strong with Sam");
        await owner.SubmitAsync("/admin/store/blogs", "blog-add", new Dictionary<string, string>
        {
            ["Draft.Title"] = "Not yet",
            ["Draft.BodyMarkdown"] = "Draft body",
        });
        var visitor = host.CreateClient();

        var unknown = await visitor.GetAsync("/s/nobody-here");
        var draft = await visitor.GetAsync("/s/strong-with-sam/blog/not-yet");

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldNotContain("Exception");
        draft.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_pages_are_for_owners_only()
    {
        var (host, _) = await HostAsync(DatabaseProvider.Sqlite);
        await using var _ = host;
        var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var page in new[] { "/admin/store", "/admin/store/blogs", "/admin/store/sessions" })
        {
            var response = await anonymous.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("/account/signin");
        }
    }
}
