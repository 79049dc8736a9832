using Microsoft.EntityFrameworkCore;

namespace CreatorOS.SharedKernel.Outbox;

public static class OutboxModel
{
    public static string TableName(string tablePrefix) => $"{tablePrefix}_outbox";

    /// <summary>Maps the module's outbox table; call from the module's <c>OnModelCreating</c>.</summary>
    public static void MapOutbox(this ModelBuilder modelBuilder, string tablePrefix)
    {
        var outbox = modelBuilder.Entity<OutboxMessage>();
        outbox.ToTable(TableName(tablePrefix));
        outbox.HasKey(m => m.Id);
        outbox.Property(m => m.Type).HasMaxLength(300);
        outbox.Property(m => m.LastError).HasMaxLength(2000);
        outbox.HasIndex(m => m.ProcessedAt);
    }

    /// <summary>Stages an event in the context's outbox; it is written by the next SaveChanges, atomically with the change.</summary>
    public static void AddIntegrationEvent(this DbContext context, IIntegrationEvent integrationEvent) =>
        context.Set<OutboxMessage>().Add(OutboxMessage.From(integrationEvent));
}
