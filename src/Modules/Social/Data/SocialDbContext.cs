using CreatorOS.Modules.Social.Connections;
using CreatorOS.Modules.Social.Posts;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Social.Data;

internal sealed class SocialDbContext(DbContextOptions<SocialDbContext> options) : DbContext(options)
{
    public const string Prefix = "social";

    public DbSet<SocialConnection> Connections => Set<SocialConnection>();

    public DbSet<OAuthState> OAuthStates => Set<OAuthState>();

    public DbSet<ImportedPost> ImportedPosts => Set<ImportedPost>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSortableTimestampsOnSqlite(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var connection = modelBuilder.Entity<SocialConnection>();
        connection.ToTable("social_connections");
        connection.HasKey(c => c.Id);
        connection.HasIndex(c => new { c.WorkspaceId, c.Platform }).IsUnique();
        connection.Property(c => c.Platform).HasMaxLength(20);
        connection.Property(c => c.AccountId).HasMaxLength(SocialConnection.AccountMaxLength);
        connection.Property(c => c.AccountName).HasMaxLength(SocialConnection.AccountMaxLength);
        connection.Property(c => c.AccessTokenSealed).HasMaxLength(SocialConnection.SealedMaxLength);
        connection.Property(c => c.RefreshTokenSealed).HasMaxLength(SocialConnection.SealedMaxLength);

        var state = modelBuilder.Entity<OAuthState>();
        state.ToTable("social_oauth_states");
        state.HasKey(s => s.Id);
        state.HasIndex(s => s.StateHash).IsUnique();
        state.HasIndex(s => s.ExpiresAt);
        state.Property(s => s.StateHash).HasMaxLength(64);
        state.Property(s => s.BindingHash).HasMaxLength(64);
        state.Property(s => s.Platform).HasMaxLength(20);
        state.Property(s => s.RedirectUri).HasMaxLength(1000);

        var imported = modelBuilder.Entity<ImportedPost>();
        imported.ToTable("social_imported_posts");
        imported.HasKey(p => p.Id);
        imported.HasIndex(p => new { p.WorkspaceId, p.Platform, p.PostId }).IsUnique();
        imported.Property(p => p.Platform).HasMaxLength(20);
        imported.Property(p => p.PostId).HasMaxLength(ImportedPost.PostIdMaxLength);

        modelBuilder.MapOutbox(Prefix);
        modelBuilder.ApplySnakeCaseColumns();
    }
}
