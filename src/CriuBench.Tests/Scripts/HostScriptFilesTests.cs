using System.Text.RegularExpressions;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Scripts;

/// <summary>The scripts hosts run (workloads/host/): each is there, executable, and says what it does.</summary>
[Trait("Category", "Unit")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class HostScriptFilesTests
{
    private static IEnumerable<string> HostScripts() => Directory.EnumerateFiles(HostScriptsInRepository.Directory);

    [Fact]
    public void Every_host_script_is_executable_with_a_shell_line_and_a_header_comment()
    {
        var scripts = HostScripts().ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            // Hosts execute it directly: its own #! line picks the shell, and it must carry the x bit into the assets.
            Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
            var lines = File.ReadAllLines(script);
            Assert.Matches("^#!/bin/(ba)?sh$", lines[0]);
            Assert.True(lines.Length > 3 && lines[1].StartsWith("# ", StringComparison.Ordinal) && lines.Skip(1).TakeWhile(l => l.StartsWith('#')).Any(l => l.Contains("Exit code")),
                $"{script}: the header comment after the #! line says what it does, its arguments and its exit codes");
        }
    }

    [Fact]
    public void Every_script_the_harness_names_exists_in_workloads_host()
    {
        var source = Path.Combine(RepositoryScripts.Root, "src", "CriuBench.Core");
        var named = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => ScriptName().Matches(File.ReadAllText(file)).Select(match => (File: file, Name: match.Groups["name"].Value)))
            .ToList();

        Assert.NotEmpty(named);
        foreach (var (file, name) in named)
            Assert.True(File.Exists(HostScriptsInRepository.Path(name)), $"{Path.GetRelativePath(source, file)} runs workloads/host/{name}, which does not exist");
    }

    [GeneratedRegex("""(?:Script(?:OnController|Piped|Path)?\("|"host/)(?<name>[\w.-]+\.sh)"?""")]
    private static partial Regex ScriptName();
}
