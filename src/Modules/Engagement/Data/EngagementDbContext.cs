using CreatorOS.Modules.Engagement.Jobs;
using CreatorOS.Modules.Engagement.Notifications;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.Modules.Engagement.Triggers;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Data;

internal sealed class EngagementDbContext(DbContextOptions<EngagementDbContext> options) : DbContext(options)
{
    public const string Prefix = "engagement";

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<ChannelPreference> Preferences => Set<ChannelPreference>();

    public DbSet<NotificationSettings> Settings => Set<NotificationSettings>();

    public DbSet<PushSubscription> PushSubscriptions => Set<PushSubscription>();

    public DbSet<VapidKeyRecord> VapidKeys => Set<VapidKeyRecord>();

    public DbSet<Nudge> Nudges => Set<Nudge>();

    public DbSet<CoachMilestone> Milestones => Set<CoachMilestone>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSortableTimestampsOnSqlite(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var run = modelBuilder.Entity<JobRun>();
        run.ToTable("engagement_job_runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.JobKey).HasMaxLength(200);
        run.Property(r => r.FireInstanceId).HasMaxLength(200);
        run.Property(r => r.Node).HasMaxLength(200);
        run.Property(r => r.Outcome).HasMaxLength(20);
        run.Property(r => r.Error).HasMaxLength(2000);
        run.HasIndex(r => new { r.JobKey, r.StartedAt });

        var notification = modelBuilder.Entity<Notification>();
        notification.ToTable("engagement_notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Category).HasMaxLength(40);
        notification.Property(n => n.Title).HasMaxLength(200);
        notification.Property(n => n.Body).HasMaxLength(4000);
        notification.Property(n => n.Link).HasMaxLength(500);
        notification.Property(n => n.IdempotencyKey).HasMaxLength(200);
        notification.HasIndex(n => new { n.UserId, n.IdempotencyKey }).IsUnique();
        notification.HasIndex(n => new { n.UserId, n.CreatedAt });

        var delivery = modelBuilder.Entity<Delivery>();
        delivery.ToTable("engagement_deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Channel).HasMaxLength(20);
        delivery.Property(d => d.Status).HasMaxLength(20);
        delivery.Property(d => d.LastError).HasMaxLength(2000);
        delivery.HasIndex(d => new { d.NotificationId, d.Channel }).IsUnique();
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });

        var preference = modelBuilder.Entity<ChannelPreference>();
        preference.ToTable("engagement_preferences");
        preference.HasKey(p => new { p.UserId, p.Category, p.Channel });
        preference.Property(p => p.Category).HasMaxLength(40);
        preference.Property(p => p.Channel).HasMaxLength(20);

        var settings = modelBuilder.Entity<NotificationSettings>();
        settings.ToTable("engagement_settings");
        settings.HasKey(s => s.UserId);
        settings.Property(s => s.TimeZone).HasMaxLength(100);

        var push = modelBuilder.Entity<PushSubscription>();
        push.ToTable("engagement_push_subscriptions");
        push.HasKey(p => p.Id);
        push.Property(p => p.Endpoint).HasMaxLength(1000);
        push.Property(p => p.P256dh).HasMaxLength(200);
        push.Property(p => p.Auth).HasMaxLength(100);
        push.HasIndex(p => p.Endpoint).IsUnique();
        push.HasIndex(p => p.UserId);

        var vapid = modelBuilder.Entity<VapidKeyRecord>();
        vapid.ToTable("engagement_vapid_keys");
        vapid.HasKey(v => v.Id);
        vapid.Property(v => v.Id).ValueGeneratedNever();
        vapid.Property(v => v.PublicKey).HasMaxLength(200);
        vapid.Property(v => v.ProtectedPrivateKey).HasMaxLength(2000);

        var nudge = modelBuilder.Entity<Nudge>();
        nudge.ToTable("engagement_nudges");
        nudge.HasKey(n => n.Id);
        nudge.Property(n => n.NudgeType).HasMaxLength(50);
        nudge.Property(n => n.IdempotencyKey).HasMaxLength(200);
        nudge.Property(n => n.Status).HasMaxLength(20);
        nudge.Property(n => n.Template).HasMaxLength(4000);
        nudge.Property(n => n.Values).HasMaxLength(4000);
        nudge.Property(n => n.Buttons).HasMaxLength(2000);
        nudge.Property(n => n.Content).HasMaxLength(4000);
        nudge.Property(n => n.Channel).HasMaxLength(20);
        nudge.Property(n => n.Response).HasMaxLength(50);
        nudge.Property(n => n.LastError).HasMaxLength(2000);
        nudge.HasIndex(n => new { n.WorkspaceId, n.UserId, n.IdempotencyKey }).IsUnique();
        nudge.HasIndex(n => new { n.Status, n.ScheduledFor });

        var milestone = modelBuilder.Entity<CoachMilestone>();
        milestone.ToTable("engagement_milestones");
        milestone.HasKey(m => new { m.WorkspaceId, m.Key });
        milestone.Property(m => m.Key).HasMaxLength(100);

        modelBuilder.ApplySnakeCaseColumns();
    }
}
