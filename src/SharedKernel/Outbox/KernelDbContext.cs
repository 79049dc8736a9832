using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.SharedKernel.Outbox;

/// <summary>The kernel's own tables: handler receipts for idempotent event handling.</summary>
public sealed class KernelDbContext(DbContextOptions<KernelDbContext> options) : DbContext(options)
{
    public const string Prefix = "kernel";

    public DbSet<HandledEvent> HandledEvents => Set<HandledEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var handled = modelBuilder.Entity<HandledEvent>();
        handled.ToTable("kernel_handled_events");
        handled.HasKey(h => new { h.Handler, h.EventId });
        handled.Property(h => h.Handler).HasMaxLength(300);
        handled.HasIndex(h => h.EventId);
        modelBuilder.ApplySnakeCaseColumns();
    }
}
