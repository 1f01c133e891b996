using CriuBench.Execution;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Scripts;

/// <summary>
/// The GitHub workflows pass action-validator (npm's @action-validator/cli, which scripts/setup.sh
/// installs into /var/cache/criubench/action-validator), and a broken one does not, so the check
/// can fail. Not a unit test: it needs the validator installed.
/// </summary>
public sealed class WorkflowLintTests
{
    private const string Installed = "/var/cache/criubench/action-validator/node_modules/.bin/action-validator";

    private static string Workflows => Path.Combine(RepositoryScripts.Root, ".github", "workflows");

    [Fact(Timeout = 60_000)]
    public async Task Every_workflow_passes_action_validator()
    {
        var validator = Validator();
        var files = Directory.EnumerateFiles(Workflows, "*.yml").Order(StringComparer.Ordinal).ToList();
        Assert.Contains(files, f => f.EndsWith("comparison.yml", StringComparison.Ordinal));

        foreach (var file in files)
        {
            var result = await ProcessRunner.Instance.RunAsync(Command.Of(validator, file));
            Assert.True(result.Succeeded, $"{file}: {result.StandardOutput}{result.StandardError}");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_workflow_with_a_misspelt_key_fails_it()
    {
        var validator = Validator();
        using var temp = new TempDirectory();
        var broken = (await File.ReadAllTextAsync(Path.Combine(Workflows, "comparison.yml"))).Replace("runs-on:", "runs_on:");
        await File.WriteAllTextAsync(temp.File("broken.yml"), broken);

        var result = await ProcessRunner.Instance.RunAsync(Command.Of(validator, temp.File("broken.yml")));

        Assert.False(result.Succeeded);
        Assert.Contains("runs_on", result.StandardOutput + result.StandardError);
    }

    private static string Validator()
    {
        if (File.Exists(Installed)) return Installed;
        if (LocalSystem.IsInstalled("action-validator")) return "action-validator";
        Assert.Fail("this test needs action-validator: run `sudo scripts/setup.sh` (it installs npm's @action-validator/cli into /var/cache/criubench/action-validator)");
        return "";
    }
}
