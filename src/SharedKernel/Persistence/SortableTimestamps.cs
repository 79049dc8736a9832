using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CreatorOS.SharedKernel.Persistence;

public static class SortableTimestamps
{
    /// <summary>
    /// SQLite cannot compare or order DateTimeOffset stored as text; stored as a 64-bit number
    /// (ticks and offset, all UTC here) they sort and compare correctly, so time-window queries
    /// translate on both providers. Call from <c>ConfigureConventions</c>.
    /// </summary>
    public static void UseSortableTimestampsOnSqlite(this ModelConfigurationBuilder conventions, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            conventions.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
