#pragma warning disable EF1001 // EF's batch executor is internal API; deriving from it is the only way to change when batches are built.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.EntityFrameworkCore.Update.Internal;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>
/// EF's batch executor, made to build a save's statements before it opens the connection, which is
/// when <see cref="SqliteWriteGate"/> takes the one writer slot.
/// </summary>
/// <remarks>
/// EF's SQLite provider puts every row in a batch of its own and builds the batches lazily, one per
/// statement as the executor runs: only the first two exist when the connection opens, so the SQL
/// and parameters of every later row were built while the save held the slot that all writers
/// queue for. In a sampled profile of bench/AveryLoad's writer lane (the thread that runs the gated
/// sections), 8 % of its samples were in that batch building; with this executor, 0.1 %. The
/// end-to-end figures of those runs moved less than the machine's run-to-run noise.
/// Building them first is safe until a batch reads a value back from the database (an identity
/// key, say): a later row may take that value as a foreign key, so from that batch on they are
/// built lazily again, as EF does.
/// </remarks>
internal sealed class SqliteBatchesBeforeTheSlot(ICurrentDbContext currentContext, IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    : BatchExecutor(currentContext, updateLogger)
{
    public override int Execute(IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection) =>
        base.Execute(BuiltFirst(commandBatches), connection);

    public override Task<int> ExecuteAsync(IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection, CancellationToken cancellationToken = default) =>
        base.ExecuteAsync(BuiltFirst(commandBatches), connection, cancellationToken);

    internal static IEnumerable<ModificationCommandBatch> BuiltFirst(IEnumerable<ModificationCommandBatch> batches)
    {
        var rest = batches.GetEnumerator();
        var built = new List<ModificationCommandBatch>();
        var lazyFromHere = false;
        while (!lazyFromHere && rest.MoveNext())
        {
            built.Add(rest.Current);
            lazyFromHere = ReadsBack(rest.Current);
        }

        if (lazyFromHere)
        {
            return Then(built, rest);
        }

        rest.Dispose();
        return built;
    }

    private static bool ReadsBack(ModificationCommandBatch batch) =>
        batch.ModificationCommands.Any(command => command.ColumnModifications.Any(column => column.IsRead));

    private static IEnumerable<ModificationCommandBatch> Then(List<ModificationCommandBatch> built, IEnumerator<ModificationCommandBatch> rest)
    {
        using (rest)
        {
            foreach (var batch in built)
            {
                yield return batch;
            }

            while (rest.MoveNext())
            {
                yield return rest.Current;
            }
        }
    }
}
