using System.Text.RegularExpressions;

namespace CreatorOS.ArchitectureTests;

public sealed partial class SourceLayoutTests
{
    private static readonly string[] ForbiddenFolders = ["Services", "Helpers", "Managers", "Utils", "Utilities"];

    private static IEnumerable<string> SourceFiles(string extension) =>
        Directory.EnumerateFiles(Path.Combine(Solution.Root, "src"), "*" + extension, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("node_modules", StringComparison.Ordinal));

    [Fact]
    public void The_namespace_of_every_file_is_its_folder()
    {
        var wrong = new List<string>();
        foreach (var file in SourceFiles(".cs"))
        {
            var match = NamespacePattern().Match(File.ReadAllText(file));
            if (!match.Success)
            {
                continue;
            }

            var expected = ExpectedNamespace(file);
            if (match.Groups[1].Value != expected)
            {
                wrong.Add($"{Path.GetRelativePath(Solution.Root, file)}: {match.Groups[1].Value} (expected {expected})");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Features_are_folders_by_business_name_not_by_layer()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(Solution.Root, "src"), "*", SearchOption.AllDirectories)
            .Where(d => ForbiddenFolders.Contains(Path.GetFileName(d)))
            .Select(d => Path.GetRelativePath(Solution.Root, d));

        folders.ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_loads_from_a_cdn_or_needs_blazor_framework_script()
    {
        var offenders = SourceFiles(".razor").Concat(SourceFiles(".cs")).Concat(SourceFiles(".js")).Concat(SourceFiles(".css"))
            .Where(f => !f.Contains($"wwwroot{Path.DirectorySeparatorChar}lib", StringComparison.Ordinal))
            .Where(f => CdnPattern().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Solution.Root, f));

        offenders.ShouldBeEmpty();
    }

    /// <summary>src/Web → CreatorOS.Web; src/Modules/Storefront/Themes → CreatorOS.Modules.Storefront.Themes.</summary>
    private static string ExpectedNamespace(string file)
    {
        var relative = Path.GetRelativePath(Path.Combine(Solution.Root, "src"), Path.GetDirectoryName(file)!);
        return "CreatorOS." + relative.Replace(Path.DirectorySeparatorChar, '.');
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"blazor\.web\.js|https?://(cdn|unpkg|cdnjs|fonts\.googleapis)\.", RegexOptions.IgnoreCase)]
    private static partial Regex CdnPattern();
}
