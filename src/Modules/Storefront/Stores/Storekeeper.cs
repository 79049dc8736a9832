using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Storefront.Blogs;
using CreatorOS.Modules.Storefront.Data;
using CreatorOS.Modules.Storefront.Pricing;
using CreatorOS.Modules.Storefront.Sessions;
using CreatorOS.Modules.Storefront.Subscribers;
using CreatorOS.Modules.Storefront.Themes;
using CreatorOS.SharedKernel.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Storefront.Stores;

/// <summary>A published post with its store, for the public post page.</summary>
internal sealed record PublishedBlog(StoreView Store, BlogView Blog, string Html);

/// <summary>
/// Reads and changes a workspace's store. Each change is validated in full before anything is
/// touched, and is saved together with its <see cref="StoreChanged"/> event in one SaveChanges.
/// </summary>
internal sealed class Storekeeper(StorefrontDbContext db, StoreViewCache cache, NicheBenchmarkCache benchmarks, TimeProvider clock) : IStorefront
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// Upper bound of rows a store view loads per kind. SQLite cannot order by DateTimeOffset,
    /// so rows are taken newest first by their time-ordered id and sorted in memory.
    /// </summary>
    private const int LoadLimit = StoreLists.Limit;

    private const string NoStoreMessage = "This workspace has no store yet.";

    private static readonly StoreResult NoStore = StoreResult.Invalid("store", NoStoreMessage);

    /// <summary>
    /// Store views read in this scope (one request, or one assistant turn, which reads the store
    /// several times). Any write in this scope clears it, so a view never outlives a change made here.
    /// </summary>
    private readonly Dictionary<Guid, StoreView> _views = [];

    public IReadOnlyList<StoreTemplateView> Templates => StoreTemplates.Views;

    public async Task<StoreView?> FindAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        if (_views.TryGetValue(workspaceId, out var known))
        {
            return known;
        }

        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.WorkspaceId == workspaceId, cancellationToken);
        return store is null ? null : _views[workspaceId] = await ViewAsync(store, cancellationToken);
    }

    public async Task<StoreView?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var key = slug?.Trim().ToLowerInvariant();
        if (!Slugs.IsValid(key))
        {
            return null;
        }

        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == key, cancellationToken);
        return store is null ? null : await ViewAsync(store, cancellationToken);
    }

    internal async Task<PublishedBlog?> FindPublishedBlogAsync(string storeSlug, string blogSlug, CancellationToken cancellationToken)
    {
        var key = blogSlug?.Trim().ToLowerInvariant();
        if (!Slugs.IsValid(key) || await FindBySlugAsync(storeSlug, cancellationToken) is not { } store)
        {
            return null;
        }

        var blog = await db.Blogs.AsNoTracking()
            .SingleOrDefaultAsync(b => b.StoreId == store.Id && b.Slug == key && b.Status == Blog.Published, cancellationToken);
        return blog is null ? null : new(store, StoreViews.ToView(blog), BlogMarkdown.ToHtml(blog.BodyMarkdown));
    }

    public async Task<StoreView> OpenAsync(Guid workspaceId, string businessName, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(workspaceId, cancellationToken) is { } existing)
            {
                return existing;
            }

            var name = businessName?.Trim() ?? string.Empty;
            name = name.Length == 0 ? "My store" : name.Length > Store.BusinessNameMaxLength ? name[..Store.BusinessNameMaxLength].TrimEnd() : name;
            var baseSlug = Slugs.From(name, "store");
            var taken = await db.Stores
                .Where(s => s.Slug == baseSlug || s.Slug.StartsWith(baseSlug + "-"))
                .Select(s => s.Slug)
                .ToListAsync(cancellationToken);

            var now = clock.GetUtcNow();
            var store = new Store
            {
                Id = Guid.CreateVersion7(now),
                WorkspaceId = workspaceId,
                Slug = Slugs.Deduplicate(baseSlug, taken),
                BusinessName = name,
                TemplateId = StoreTemplates.DefaultId,
                PrimaryColor = string.Empty,
                SecondaryColor = string.Empty,
                FontFamily = string.Empty,
                HeroStyle = string.Empty,
                BannerGradient = string.Empty,
                CreatedAt = now,
                UpdatedAt = now,
                Revision = Guid.CreateVersion7(now),
            };
            ApplyTheme(store, StoreTemplates.Default);
            db.Stores.Add(store);
            Raise(store, now, [StoreSection.Hero, StoreSection.Theme]);

            try
            {
                _views.Clear();
                await db.SaveChangesAsync(cancellationToken);
                var view = StoreViews.ToView(store, new StoreLists([], [], 0));
                cache.Keep(store, view);
                return _views[workspaceId] = view;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another request opened this workspace's store or took the slug meanwhile: look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<StoreResult> UpdateProfileAsync(Guid workspaceId, ProfileChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return WriteAsync(workspaceId, NoStore, store =>
        {
            var errors = new FieldErrors();
            var valid = ProfileRules.Validate(change, errors);
            if (errors.Any)
            {
                return Task.FromResult(StoreEdit.Unchanged(errors.ToResult()));
            }

            var hero = false;
            var theme = false;
            if (valid.PreferredName is { } name && name != store.PreferredName)
            {
                store.PreferredName = name;
                hero = true;
            }

            if (valid.Niche is { } niche && niche != store.Niche)
            {
                store.Niche = niche;
                hero = true;
                if (!store.TemplateChosen && store.TemplateId != StoreTemplates.DefaultFor(niche).Id)
                {
                    ApplyTheme(store, StoreTemplates.DefaultFor(niche));
                    theme = true;
                }
            }

            if (valid.Specialty is { } specialty && NullIfEmpty(specialty) != store.Specialty)
            {
                store.Specialty = NullIfEmpty(specialty);
                hero = true;
            }

            if (valid.Bio is { } bio && NullIfEmpty(bio) != store.Bio)
            {
                store.Bio = NullIfEmpty(bio);
                hero = true;
            }

            if (valid.Tone is { } tone && tone != store.Tone)
            {
                store.Tone = tone;
                hero = true;
            }

            if (valid.PhotoUrl is { } photo && NullIfEmpty(photo) != store.PhotoUrl)
            {
                store.PhotoUrl = NullIfEmpty(photo);
                hero = true;
            }

            StoreSection[] sections = (hero, theme) switch
            {
                (true, true) => [StoreSection.Hero, StoreSection.Theme],
                (true, false) => [StoreSection.Hero],
                (false, true) => [StoreSection.Theme],
                _ => [],
            };
            return Task.FromResult(StoreEdit.Changed(StoreResult.Ok, sections));
        }, cancellationToken);
    }

    public Task<StoreResult> SetPriceAsync(Guid workspaceId, string currency, decimal amount, CancellationToken cancellationToken) =>
        WriteAsync(workspaceId, NoStore, store =>
        {
            var errors = new FieldErrors();
            var price = PriceRules.Validate(currency, amount, errors);
            if (errors.Any)
            {
                return Task.FromResult(StoreEdit.Unchanged(errors.ToResult()));
            }

            if (store.PriceCurrency == price.Currency && store.PriceAmount == price.Amount)
            {
                return Task.FromResult(StoreEdit.Unchanged(StoreResult.Ok));
            }

            store.PriceCurrency = price.Currency;
            store.PriceAmount = price.Amount;
            return Task.FromResult(StoreEdit.Changed(StoreResult.Ok, StoreSection.Pricing));
        }, cancellationToken);

    public Task<StoreResult> ApplyTemplateAsync(Guid workspaceId, string templateId, CancellationToken cancellationToken) =>
        WriteAsync(workspaceId, NoStore, store =>
        {
            if (StoreTemplates.Find(templateId?.Trim().ToLowerInvariant()) is not { } template)
            {
                return Task.FromResult(StoreEdit.Unchanged(StoreResult.Invalid("templateId", "Choose one of the 12 store templates.")));
            }

            if (store.TemplateChosen && store.TemplateId == template.Id)
            {
                return Task.FromResult(StoreEdit.Unchanged(StoreResult.Ok));
            }

            ApplyTheme(store, template);
            store.TemplateChosen = true;
            return Task.FromResult(StoreEdit.Changed(StoreResult.Ok, StoreSection.Theme));
        }, cancellationToken);

    public async Task<StoreResult<BlogView>> AddBlogAsync(Guid workspaceId, BlogDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var added = await AddBlogsAsync(workspaceId, [draft], cancellationToken);
        return added.Succeeded ? StoreResult<BlogView>.Success(added.Value![0]) : new(default, added.Errors);
    }

    /// <summary>
    /// All the posts or none: each draft is validated before anything is touched, and they are saved
    /// together with one <see cref="StoreChanged"/> event (three starter posts are one change, not three).
    /// One draft's errors are keyed by field; a batch's by <c>blogs[i].field</c>.
    /// </summary>
    public Task<StoreResult<IReadOnlyList<BlogView>>> AddBlogsAsync(Guid workspaceId, IReadOnlyList<BlogDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var errors = new FieldErrors();
        var valid = new List<ValidBlogDraft>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var own = new FieldErrors();
            valid.Add(BlogRules.Validate(drafts[i] ?? throw new ArgumentException("A draft is missing.", nameof(drafts)), own));
            foreach (var (field, message) in own.All)
            {
                errors.Add(drafts.Count == 1 ? field : $"blogs[{i}].{field}", message);
            }
        }

        if (drafts.Count == 0)
        {
            errors.Add("blogs", "Give at least one post to add.");
        }

        // A save that fails because another post took the same slug meanwhile is tried again, with the next free one.
        return WriteAsync(workspaceId, StoreResult<IReadOnlyList<BlogView>>.Invalid("store", NoStoreMessage), async store =>
        {
            if (errors.Any)
            {
                return StoreEdit.Unchanged(errors.ToResult<IReadOnlyList<BlogView>>());
            }

            var now = clock.GetUtcNow();
            var views = new List<BlogView>(valid.Count);
            var claimed = new List<string>();
            foreach (var draft in valid)
            {
                var baseSlug = Slugs.From(draft.Title, "post");
                var taken = await db.Blogs
                    .Where(b => b.StoreId == store.Id && (b.Slug == baseSlug || b.Slug.StartsWith(baseSlug + "-")))
                    .Select(b => b.Slug)
                    .ToListAsync(cancellationToken);
                var slug = Slugs.Deduplicate(baseSlug, [.. taken, .. claimed]);
                claimed.Add(slug);

                var blog = new Blog
                {
                    Id = Guid.CreateVersion7(now),
                    StoreId = store.Id,
                    Slug = slug,
                    Title = draft.Title,
                    BodyMarkdown = draft.BodyMarkdown,
                    Category = draft.Category,
                    Tags = BlogRules.JoinTags(draft.Tags),
                    CoverImageUrl = draft.CoverImageUrl,
                    Status = draft.Publish ? Blog.Published : Blog.Draft,
                    SourcePlatform = draft.SourcePlatform,
                    SourcePostId = draft.SourcePostId,
                    CreatedAt = now,
                    PublishedAt = draft.Publish ? now : null,
                };
                db.Blogs.Add(blog);
                views.Add(StoreViews.ToView(blog));
            }

            return StoreEdit.Changed(
                StoreResult<IReadOnlyList<BlogView>>.Success(views),
                StoreSection.Blogs,
                lists => views.Aggregate<BlogView, StoreLists?>(lists, (moved, view) => moved?.WithBlog(view)));
        }, cancellationToken);
    }

    public Task<StoreResult> PublishBlogAsync(Guid workspaceId, Guid blogId, CancellationToken cancellationToken) =>
        WriteAsync(workspaceId, NoStore, async store =>
        {
            if (await db.Blogs.SingleOrDefaultAsync(b => b.Id == blogId && b.StoreId == store.Id, cancellationToken) is not { } blog)
            {
                return StoreEdit.Unchanged(StoreResult.Invalid("blog", "That post was not found in your store."));
            }

            if (blog.Status == Blog.Published)
            {
                return StoreEdit.Unchanged(StoreResult.Ok);
            }

            blog.Status = Blog.Published;
            blog.PublishedAt = clock.GetUtcNow();
            var view = StoreViews.ToView(blog);
            return StoreEdit.Changed(StoreResult.Ok, StoreSection.Blogs, lists => lists.WithBlog(view));
        }, cancellationToken);

    public Task<StoreResult> DeleteBlogAsync(Guid workspaceId, Guid blogId, CancellationToken cancellationToken) =>
        WriteAsync(workspaceId, NoStore, async store =>
        {
            if (await db.Blogs.SingleOrDefaultAsync(b => b.Id == blogId && b.StoreId == store.Id, cancellationToken) is not { } blog)
            {
                return StoreEdit.Unchanged(StoreResult.Invalid("blog", "That post was not found in your store."));
            }

            db.Blogs.Remove(blog);
            return StoreEdit.Changed(StoreResult.Ok, StoreSection.Blogs, lists => lists.WithoutBlog(blogId));
        }, cancellationToken);

    public Task<StoreResult<LiveSessionView>> ScheduleLiveSessionAsync(Guid workspaceId, string title, DateTimeOffset startsAt, CancellationToken cancellationToken) =>
        WriteAsync(workspaceId, StoreResult<LiveSessionView>.Invalid("store", NoStoreMessage), store =>
        {
            var now = clock.GetUtcNow();
            var errors = new FieldErrors();
            var valid = LiveSessionRules.Validate(title, startsAt, now, errors);
            if (errors.Any)
            {
                return Task.FromResult(StoreEdit.Unchanged(errors.ToResult<LiveSessionView>()));
            }

            var session = new LiveSession
            {
                Id = Guid.CreateVersion7(now),
                StoreId = store.Id,
                Title = valid.Title,
                StartsAt = valid.StartsAt,
                CreatedAt = now,
            };
            db.LiveSessions.Add(session);
            var view = StoreViews.ToView(session);
            return Task.FromResult(StoreEdit.Changed(StoreResult<LiveSessionView>.Success(view), StoreSection.Sessions, lists => lists.WithSession(view)));
        }, cancellationToken);

    public Task<StoreResult> MarkSharedAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        WriteAsync(workspaceId, NoStore, store =>
        {
            if (store.IsShared)
            {
                return Task.FromResult(StoreEdit.Unchanged(StoreResult.Ok));
            }

            store.IsShared = true;
            return Task.FromResult(StoreEdit.Changed(StoreResult.Ok, StoreSection.Sharing));
        }, cancellationToken);

    public async Task<NicheBenchmark> GetNicheBenchmarksAsync(string niche, string currency, CancellationToken cancellationToken)
    {
        var key = niche.Trim().ToLowerInvariant();
        var code = currency.Trim().ToUpperInvariant();
        if (benchmarks.Find(key, code) is { } known)
        {
            return known;
        }

        var priced = db.Stores.AsNoTracking().Where(s => s.Niche == key && s.PriceCurrency == code && s.PriceAmount != null);

        // Prices are loaded and aggregated here: SQLite stores decimals as text and cannot aggregate them.
        var prices = await priced.Select(s => s.PriceAmount!.Value).ToListAsync(cancellationToken);
        var benchmark = new NicheBenchmark(key, code, 0, null, null, null, null);
        if (prices.Count > 0)
        {
            var subscribers = await db.Subscribers.AsNoTracking().CountAsync(sub => priced.Any(s => s.Id == sub.StoreId), cancellationToken);
            benchmark = new NicheBenchmark(
                key,
                code,
                prices.Count,
                prices.Min(),
                Math.Round(prices.Average(), 2, MidpointRounding.AwayFromZero),
                prices.Max(),
                Math.Round(subscribers / (double)prices.Count, 1));
        }

        benchmarks.Keep(benchmark);
        return benchmark;
    }

    public Task<StoreResult> AddSubscriberAsync(Guid workspaceId, string name, CancellationToken cancellationToken) =>
        WriteAsync(workspaceId, NoStore, async store =>
        {
            var errors = new FieldErrors();
            var validName = SubscriberRules.Validate(name, errors);
            if (errors.Any)
            {
                return StoreEdit.Unchanged(errors.ToResult());
            }

            var now = clock.GetUtcNow();
            db.Subscribers.Add(new Subscriber { Id = Guid.CreateVersion7(now), StoreId = store.Id, Name = validName, JoinedAt = now });
            var count = await db.Subscribers.CountAsync(s => s.StoreId == store.Id, cancellationToken) + 1;
            db.AddIntegrationEvent(new SubscriberJoined(Guid.CreateVersion7(now), now, workspaceId, store.Id, validName, count));

            // The pricing card shows how many people subscribed.
            return StoreEdit.Changed(StoreResult.Ok, StoreSection.Pricing, lists => lists.WithSubscribers(count));
        }, cancellationToken);

    private Task<Store?> TrackedStoreAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        db.Stores.SingleOrDefaultAsync(s => s.WorkspaceId == workspaceId, cancellationToken);

    /// <summary>
    /// The one way a store changes: load it tracked, let <paramref name="edit"/> change it, then save
    /// the change with its <see cref="StoreChanged"/> event and a new revision in one SaveChanges.
    /// </summary>
    /// <remarks>
    /// The revision is a concurrency token, so a save made against a row another request changed
    /// meanwhile fails instead of overwriting it, and the whole edit runs again on the fresh row (as
    /// does one that lost a unique slug to a concurrent writer). That is what makes the write-through
    /// below safe: the view after the commit is the view read at the loaded revision, moved by this
    /// edit alone, and is kept under the new revision without reading the store back.
    /// </remarks>
    private async Task<TResult> WriteAsync<TResult>(Guid workspaceId, TResult noStore, Func<Store, Task<StoreEdit<TResult>>> edit, CancellationToken cancellationToken)
        where TResult : StoreResult
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await TrackedStoreAsync(workspaceId, cancellationToken) is not { } store)
            {
                return noStore;
            }

            var before = cache.Find(store);
            var outcome = await edit(store);
            if (outcome.Sections.Count == 0)
            {
                return outcome.Result;
            }

            var now = clock.GetUtcNow();
            store.UpdatedAt = now;
            store.Revision = Guid.CreateVersion7(now);
            Raise(store, now, outcome.Sections);
            _views.Clear();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            if (before is not null)
            {
                var known = StoreLists.Of(before, now);
                if ((outcome.MoveLists is null ? known : outcome.MoveLists(known)) is { } lists)
                {
                    var after = StoreViews.ToView(store, lists);
                    cache.Keep(store, after);
                    _views[workspaceId] = after;
                }
            }

            return outcome.Result;
        }
    }

    private void Raise(Store store, DateTimeOffset now, IReadOnlyList<StoreSection> sections) =>
        db.AddIntegrationEvent(new StoreChanged(Guid.CreateVersion7(now), now, store.WorkspaceId, store.Id, sections));

    private async Task<StoreView> ViewAsync(Store store, CancellationToken cancellationToken)
    {
        if (cache.Find(store) is { } cached)
        {
            // A shared view is as old as the store's last change; sessions that started since then go.
            var now = clock.GetUtcNow();
            return cached.LiveSessions.All(s => s.StartsAt > now) ? cached : cached with { LiveSessions = StoreLists.Of(cached, now).Sessions };
        }

        var view = await BuildViewAsync(store, cancellationToken);
        cache.Keep(store, view);
        return view;
    }

    private async Task<StoreView> BuildViewAsync(Store store, CancellationToken cancellationToken)
    {
        var blogs = await db.Blogs.AsNoTracking()
            .Where(b => b.StoreId == store.Id)
            .OrderByDescending(b => b.Id)
            .Take(LoadLimit)
            .ToListAsync(cancellationToken);
        var sessions = await db.LiveSessions.AsNoTracking()
            .Where(l => l.StoreId == store.Id)
            .OrderByDescending(l => l.Id)
            .Take(LoadLimit)
            .ToListAsync(cancellationToken);
        var subscriberCount = await db.Subscribers.CountAsync(s => s.StoreId == store.Id, cancellationToken);

        var now = clock.GetUtcNow();
        return StoreViews.ToView(
            store,
            new StoreLists(
                StoreLists.InOrder(blogs.Select(StoreViews.ToView)),
                [.. sessions.Where(l => l.StartsAt > now).OrderBy(l => l.StartsAt).Select(StoreViews.ToView)],
                subscriberCount));
    }

    private static void ApplyTheme(Store store, StoreTemplate template)
    {
        store.TemplateId = template.Id;
        store.PrimaryColor = template.PrimaryColor;
        store.SecondaryColor = template.SecondaryColor;
        store.FontFamily = template.FontFamily;
        store.HeroStyle = template.HeroStyle;
        store.BannerGradient = template.BannerGradient;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
