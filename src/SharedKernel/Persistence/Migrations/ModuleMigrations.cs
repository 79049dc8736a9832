using System.Reflection;

namespace CreatorOS.SharedKernel.Persistence.Migrations;

/// <summary>
/// A module's migration scripts: embedded resources named
/// <c>…Migrations.{sqlite|postgres}.NNNN_description.sql</c> in the module's assembly.
/// </summary>
public sealed record ModuleMigrations(string Module, Assembly Assembly)
{
    public IReadOnlyList<MigrationScript> For(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Postgres ? ".Migrations.postgres." : ".Migrations.sqlite.";
        return
        [
            .. Assembly.GetManifestResourceNames()
                .Where(name => name.Contains(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
                .Select(name => MigrationScript.From(Module, name, folder, Assembly))
                .OrderBy(script => script.Version),
        ];
    }
}

public sealed record MigrationScript(string Module, int Version, string Name, string Sql)
{
    internal static MigrationScript From(string module, string resourceName, string folder, Assembly assembly)
    {
        var fileName = resourceName[(resourceName.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^".sql".Length];
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], out var version))
        {
            throw new InvalidOperationException($"Migration '{resourceName}' must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new(module, version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
