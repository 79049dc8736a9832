using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Insights;
using CreatorOS.Modules.Assistant.Spending;
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

    public DbSet<DailyRollup> Rollups => Set<DailyRollup>();

    public DbSet<WorkspaceEventSpan> WorkspaceEventSpans => Set<WorkspaceEventSpan>();

    public DbSet<YearToDateRollup> YearToDateRollups => Set<YearToDateRollup>();

    public DbSet<CoachDailySpend> CoachDailySpend => Set<CoachDailySpend>();

    public DbSet<PlatformSpendAlert> PlatformSpendAlerts => Set<PlatformSpendAlert>();

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
        analytics.HasIndex(e => e.CreatedAt);

        var rollup = modelBuilder.Entity<DailyRollup>();
        rollup.ToTable("assistant_daily_rollup");
        rollup.HasKey(r => new { r.Day, r.EventName, r.Dimension });
        rollup.Property(r => r.EventName).HasMaxLength(100);
        rollup.Property(r => r.Dimension).HasMaxLength(100);
        rollup.HasIndex(r => new { r.EventName, r.Day });

        var yearToDate = modelBuilder.Entity<YearToDateRollup>();
        yearToDate.ToTable("assistant_year_to_date_rollup");
        yearToDate.HasKey(m => new { m.Month, m.EventName, m.Dimension });
        yearToDate.Property(m => m.EventName).HasMaxLength(100);
        yearToDate.Property(m => m.Dimension).HasMaxLength(100);
        yearToDate.HasIndex(m => new { m.EventName, m.Month });

        var span = modelBuilder.Entity<WorkspaceEventSpan>();
        span.ToTable("assistant_workspace_events");
        span.HasKey(s => new { s.EventName, s.WorkspaceId });
        span.Property(s => s.EventName).HasMaxLength(100);
        span.HasIndex(s => new { s.EventName, s.LastAt, s.WorkspaceId });

        var spend = modelBuilder.Entity<CoachDailySpend>();
        spend.ToTable("assistant_coach_daily_spend");
        spend.HasKey(s => new { s.WorkspaceId, s.Day });
        spend.HasIndex(s => s.Day);

        var alert = modelBuilder.Entity<PlatformSpendAlert>();
        alert.ToTable("assistant_platform_spend_alerts");
        alert.HasKey(a => a.Day);

        modelBuilder.MapOutbox(Prefix);
        modelBuilder.ApplySnakeCaseColumns();
    }
}
