using CriuBench.Hosts;

namespace CriuBench.Tests.Scripts;

/// <summary>Every shell script of the repository, found by its #! line (not by its name: .ci/run, scripts/criubench).</summary>
internal static class RepositoryScripts
{
    private static readonly string[] Skipped = ["bin", "obj", ".git", "results", "node_modules", "TestResults"];

    public static string Root => Path.GetDirectoryName(WorkloadAssets.Directory)!;

    public static IReadOnlyList<string> All() =>
        Walk(Root).Where(IsShellScript).Select(path => Path.GetRelativePath(Root, path)).Order(StringComparer.Ordinal).ToList();

    public static bool IsShellScript(string path)
    {
        using var reader = new StreamReader(path);
        var first = reader.ReadLine() ?? "";
        return first.StartsWith("#!", StringComparison.Ordinal)
            && System.Text.RegularExpressions.Regex.IsMatch(first, @"^#!\s*\S*(/|env\s+|busybox\s+)(ba|da)?sh(\s|$)");
    }

    private static IEnumerable<string> Walk(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory)) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(directory))
            if (!Skipped.Contains(Path.GetFileName(sub)))
                foreach (var file in Walk(sub)) yield return file;
    }
}
