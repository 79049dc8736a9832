using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>
/// Makes the next command that inserts a nudge fail as a busy SQLite file or a dropped PostgreSQL
/// connection does, once per arming. It fails inside SaveChanges (EF reports it as a
/// <see cref="DbUpdateException"/> and rolls the transaction back), like the real thing.
/// </summary>
internal sealed class TransientSaveFault : DbCommandInterceptor
{
    private int _armed;

    public int Fired { get; private set; }

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        if (command.CommandText.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase)
            && command.CommandText.Contains("engagement_nudges", StringComparison.Ordinal)
            && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Fired++;
            throw new TimeoutException("database is locked (simulated transient failure)");
        }
    }
}
