using CreatorOS.SharedKernel.Persistence;

namespace CreatorOS.IntegrationTests.Support;

/// <summary>Every database test runs on both providers. PostgreSQL comes from ./test.sh.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> Both => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
}
