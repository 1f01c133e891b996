using CriuBench.Execution;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Scripts;

/// <summary>
/// Every shell script of the repository passes shellcheck at its default severity (style and up).
/// Needs shellcheck installed (scripts/setup.sh installs it), so it is not a unit test.
/// </summary>
public sealed class ShellcheckTests
{
    [Fact]
    public void The_repository_s_shell_scripts_are_found_by_their_first_line()
    {
        var scripts = RepositoryScripts.All();

        Assert.Contains("workloads/launch.sh", scripts);
        Assert.Contains("workloads/host/pack-and-copy.sh", scripts);
        Assert.Contains(".ci/run", scripts);
        Assert.Contains("scripts/criubench", scripts);
        Assert.Contains("scripts/vm/initramfs-init", scripts);
        Assert.DoesNotContain("scripts/baseline-kernel.py", scripts);
    }

    [Fact(Timeout = 120_000)]
    public async Task Every_shell_script_passes_shellcheck()
    {
        Requires.Tool("shellcheck", "shellcheck");
        var scripts = RepositoryScripts.All();

        // -x: follow what a script sources, relative to the script itself.
        var result = await ProcessRunner.Instance.RunAsync(Command.Of("shellcheck", ["-x", "--source-path=SCRIPTDIR", "--", .. scripts])
            with { WorkingDirectory = RepositoryScripts.Root, Timeout = TimeSpan.FromSeconds(100) });

        Assert.True(result.Succeeded, $"shellcheck on {scripts.Count} scripts:\n{result.StandardOutput}{result.StandardError}");
    }
}
