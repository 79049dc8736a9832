using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Assistant.Data;

internal sealed class AssistantDbContext(DbContextOptions<AssistantDbContext> options) : DbContext(options)
{
    public const string Prefix = "assistant";

    public DbSet<CoachConversation> Conversations => Set<CoachConversation>();

    public DbSet<ConversationMessage> Messages => Set<ConversationMessage>();

    public DbSet<ScheduledNudge> Nudges => Set<ScheduledNudge>();

    public DbSet<AssistantEvent> Events => Set<AssistantEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSortableTimestampsOnSqlite(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var conversation = modelBuilder.Entity<CoachConversation>();
        conversation.ToTable("assistant_coach_context");
        conversation.HasKey(c => new { c.WorkspaceId, c.UserId });
        conversation.Property(c => c.CurrentPhase).HasMaxLength(30);

        var message = modelBuilder.Entity<ConversationMessage>();
        message.ToTable("assistant_messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Role).HasMaxLength(10);
        message.Property(m => m.Phase).HasMaxLength(30);
        message.Property(m => m.ClientMessageId).HasMaxLength(64);
        message.HasIndex(m => new { m.WorkspaceId, m.UserId, m.CreatedAt });
        message.HasIndex(m => new { m.WorkspaceId, m.UserId, m.ClientMessageId });

        var nudge = modelBuilder.Entity<ScheduledNudge>();
        nudge.ToTable("assistant_nudges");
        nudge.HasKey(n => n.Id);
        nudge.Property(n => n.NudgeType).HasMaxLength(50);
        nudge.Property(n => n.Status).HasMaxLength(20);
        nudge.HasIndex(n => new { n.Status, n.ScheduledFor });

        var analytics = modelBuilder.Entity<AssistantEvent>();
        analytics.ToTable("assistant_events");
        analytics.HasKey(e => e.Id);
        analytics.Property(e => e.EventName).HasMaxLength(100);
        analytics.HasIndex(e => new { e.EventName, e.CreatedAt });
        analytics.HasIndex(e => new { e.WorkspaceId, e.CreatedAt });

        modelBuilder.MapOutbox(Prefix);
        modelBuilder.ApplySnakeCaseColumns();
    }
}
