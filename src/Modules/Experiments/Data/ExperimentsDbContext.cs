using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Experiments.Data;

internal sealed class ExperimentsDbContext(DbContextOptions<ExperimentsDbContext> options) : DbContext(options)
{
    public const string Prefix = "experiments";

    public DbSet<Experiment> Experiments => Set<Experiment>();

    public DbSet<ExperimentVersion> Versions => Set<ExperimentVersion>();

    public DbSet<UnitAssignment> Assignments => Set<UnitAssignment>();

    public DbSet<Exposure> Exposures => Set<Exposure>();

    public DbSet<UnitEvent> Events => Set<UnitEvent>();

    public DbSet<MetricDefinition> Metrics => Set<MetricDefinition>();

    public DbSet<DataBackfill> Backfills => Set<DataBackfill>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSortableTimestampsOnSqlite(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var experiment = modelBuilder.Entity<Experiment>();
        experiment.ToTable("experiments_experiments");
        experiment.HasKey(e => e.Id);
        experiment.Property(e => e.Key).HasMaxLength(100);
        experiment.Property(e => e.Name).HasMaxLength(200);
        experiment.Property(e => e.Description).HasMaxLength(2000);
        experiment.Property(e => e.Status).HasMaxLength(20);
        experiment.Property(e => e.PrimaryMetric).HasMaxLength(100);
        experiment.Property(e => e.Winner).HasMaxLength(50);
        experiment.HasIndex(e => e.Key).IsUnique();
        experiment.Ignore(e => e.DefaultVariant);

        var version = modelBuilder.Entity<ExperimentVersion>();
        version.ToTable("experiments_versions");
        version.HasKey(v => v.Id);
        version.HasIndex(v => new { v.ExperimentId, v.Version }).IsUnique();

        var assignment = modelBuilder.Entity<UnitAssignment>();
        assignment.ToTable("experiments_assignments");
        assignment.HasKey(a => a.Id);
        assignment.Property(a => a.UnitId).HasMaxLength(100);
        assignment.Property(a => a.Variant).HasMaxLength(50);
        assignment.HasIndex(a => new { a.ExperimentId, a.UnitId }).IsUnique();
        assignment.HasIndex(a => new { a.ExperimentId, a.AssignedAt, a.UnitId, a.Variant });

        var exposure = modelBuilder.Entity<Exposure>();
        exposure.ToTable("experiments_exposures");
        exposure.HasKey(x => x.Id);
        exposure.Property(x => x.UnitId).HasMaxLength(100);
        exposure.Property(x => x.Variant).HasMaxLength(50);
        exposure.HasIndex(x => new { x.ExperimentId, x.UnitId }).IsUnique();

        var unitEvent = modelBuilder.Entity<UnitEvent>();
        unitEvent.ToTable("experiments_events");
        unitEvent.HasKey(e => e.Id);
        unitEvent.Property(e => e.UnitId).HasMaxLength(100);
        unitEvent.Property(e => e.EventName).HasMaxLength(100);
        unitEvent.Property(e => e.Reference).HasMaxLength(100);
        unitEvent.HasIndex(e => new { e.EventName, e.UnitId, e.Reference }).IsUnique();
        unitEvent.HasIndex(e => new { e.EventName, e.UnitId, e.OccurredAt });

        var metric = modelBuilder.Entity<MetricDefinition>();
        metric.ToTable("experiments_metrics");
        metric.HasKey(m => m.Key);
        metric.Property(m => m.Key).HasMaxLength(100);
        metric.Property(m => m.Name).HasMaxLength(200);
        metric.Property(m => m.Kind).HasMaxLength(20);
        metric.Property(m => m.Source).HasMaxLength(20);
        metric.Property(m => m.EventName).HasMaxLength(100);

        var backfill = modelBuilder.Entity<DataBackfill>();
        backfill.ToTable("experiments_backfills");
        backfill.HasKey(b => b.Name);
        backfill.Property(b => b.Name).HasMaxLength(100);

        modelBuilder.ApplySnakeCaseColumns();
    }
}
