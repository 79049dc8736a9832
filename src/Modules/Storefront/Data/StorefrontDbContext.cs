using CreatorOS.Modules.Storefront.Blogs;
using CreatorOS.Modules.Storefront.Sessions;
using CreatorOS.Modules.Storefront.Stores;
using CreatorOS.Modules.Storefront.Subscribers;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Storefront.Data;

internal sealed class StorefrontDbContext(DbContextOptions<StorefrontDbContext> options) : DbContext(options)
{
    public const string Prefix = "storefront";
    public const int UrlMaxLength = 1000;

    public DbSet<Store> Stores => Set<Store>();

    public DbSet<Blog> Blogs => Set<Blog>();

    public DbSet<LiveSession> LiveSessions => Set<LiveSession>();

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var store = modelBuilder.Entity<Store>();
        store.ToTable("storefront_stores");
        store.HasKey(s => s.Id);
        store.HasIndex(s => s.WorkspaceId).IsUnique();
        store.HasIndex(s => s.Slug).IsUnique();

        // Every commit stamps a new revision; a save against a revision someone else replaced fails (see Storekeeper.WriteAsync).
        store.Property(s => s.Revision).IsConcurrencyToken();
        store.Property(s => s.Slug).HasMaxLength(Store.SlugMaxLength);
        store.Property(s => s.BusinessName).HasMaxLength(Store.BusinessNameMaxLength);
        store.Property(s => s.PreferredName).HasMaxLength(ProfileRules.PreferredNameMaxLength);
        store.Property(s => s.Niche).HasMaxLength(20);
        store.Property(s => s.Specialty).HasMaxLength(ProfileRules.SpecialtyMaxLength);
        store.Property(s => s.Bio).HasMaxLength(ProfileRules.BioMaxLength);
        store.Property(s => s.Tone).HasMaxLength(20);
        store.Property(s => s.PhotoUrl).HasMaxLength(UrlMaxLength);
        store.Property(s => s.TemplateId).HasMaxLength(40);
        store.Property(s => s.PrimaryColor).HasMaxLength(7);
        store.Property(s => s.SecondaryColor).HasMaxLength(7);
        store.Property(s => s.FontFamily).HasMaxLength(200);
        store.Property(s => s.HeroStyle).HasMaxLength(20);
        store.Property(s => s.BannerGradient).HasMaxLength(200);
        store.Property(s => s.PriceCurrency).HasMaxLength(3);
        store.Property(s => s.PriceAmount).HasPrecision(10, 2);

        var blog = modelBuilder.Entity<Blog>();
        blog.ToTable("storefront_blogs");
        blog.HasKey(b => b.Id);
        blog.HasOne<Store>().WithMany().HasForeignKey(b => b.StoreId).OnDelete(DeleteBehavior.Cascade);
        blog.HasIndex(b => new { b.StoreId, b.Slug }).IsUnique();
        blog.Property(b => b.Slug).HasMaxLength(Store.SlugMaxLength);
        blog.Property(b => b.Title).HasMaxLength(BlogRules.TitleMaxLength);
        blog.Property(b => b.BodyMarkdown).HasMaxLength(BlogRules.BodyMaxLength);
        blog.Property(b => b.Category).HasMaxLength(BlogRules.CategoryMaxLength);
        blog.Property(b => b.Tags).HasMaxLength(500);
        blog.Property(b => b.CoverImageUrl).HasMaxLength(UrlMaxLength);
        blog.Property(b => b.Status).HasMaxLength(20);
        blog.Property(b => b.SourcePlatform).HasMaxLength(BlogRules.SourcePlatformMaxLength);
        blog.Property(b => b.SourcePostId).HasMaxLength(BlogRules.SourcePostIdMaxLength);

        var session = modelBuilder.Entity<LiveSession>();
        session.ToTable("storefront_live_sessions");
        session.HasKey(l => l.Id);
        session.HasOne<Store>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Cascade);
        session.Property(l => l.Title).HasMaxLength(LiveSessionRules.TitleMaxLength);

        var subscriber = modelBuilder.Entity<Subscriber>();
        subscriber.ToTable("storefront_subscribers");
        subscriber.HasKey(s => s.Id);
        subscriber.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Cascade);
        subscriber.Property(s => s.Name).HasMaxLength(SubscriberRules.NameMaxLength);

        modelBuilder.MapOutbox(Prefix);
        modelBuilder.ApplySnakeCaseColumns();
    }
}
