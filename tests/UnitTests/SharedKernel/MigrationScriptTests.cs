using CreatorOS.SharedKernel;
using CreatorOS.SharedKernel.Persistence;
using CreatorOS.SharedKernel.Persistence.Migrations;

namespace CreatorOS.UnitTests.SharedKernel;

public sealed class MigrationScriptTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_kernel_ships_numbered_scripts_for_each_provider(DatabaseProvider provider)
    {
        var scripts = new ModuleMigrations("kernel", typeof(SharedKernelModule).Assembly).For(provider);

        scripts.ShouldNotBeEmpty();
        scripts.Select(s => s.Version).ShouldBe(Enumerable.Range(1, scripts.Count));
        scripts[0].Name.ShouldBe("initial");
        scripts[0].Sql.ShouldContain("kernel_handled_events");
    }

    [Fact]
    public void A_relative_sqlite_path_lands_under_the_content_root_in_a_data_folder()
    {
        var root = Directory.CreateTempSubdirectory().FullName;

        var database = ResolvedDatabase.From(new DatabaseOptions(), root);

        database.Provider.ShouldBe(DatabaseProvider.Sqlite);
        database.ConnectionString.ShouldContain(Path.Combine(root, "data", "creatoros.db"));
        Directory.Exists(Path.Combine(root, "data")).ShouldBeTrue();
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_a_clear_start_up_error()
    {
        var error = Should.Throw<InvalidOperationException>(() =>
            ResolvedDatabase.From(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, "/tmp"));

        error.Message.ShouldContain("Database:ConnectionString");
    }
}
