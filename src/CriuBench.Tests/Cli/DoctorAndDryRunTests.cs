using System.Text;
using CliWrap;
using CriuBench.Hosts;
using CriuBench.Migration.Modes;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Cli;

/// <summary>
/// `doctor` and `run --dry-run` through the real CLI on the netns lab: each brings the hosts up,
/// answers for every engine, mode and strategy from the probe (no "everything is here" without
/// asking), and leaves no lab and no results directory behind.
/// </summary>
public class DoctorAndDryRunTests
{
    [Fact(Timeout = 120_000)]
    public async Task Doctor_answers_for_every_engine_mode_and_strategy_with_a_reason_for_each_no_and_leaves_no_lab()
    {
        Requires.Criu();

        var (_, output, errors) = await CriubenchAsync("doctor", "--hosts", "lab", "--lab", "clidoc");

        Assert.True(output.Contains("engines:"), output + errors);
        foreach (var name in WorkloadEngines.Names.Concat(MigrationModes.Names).Concat(TransferStrategies.Names.Where(n => n != SshfsTransfer.OlderName)))
            Assert.Matches($"\n  (ok    {name}\n|no    {name}: .{{10,}})", output);
        Assert.Contains("src: kernel ", output);
        Assert.Contains("the pair: criu check on both", output);
        Assert.DoesNotContain("everything a run needs is here", output);
        // What the probe found decides the answer: this kernel's soft-dirty, NFS.
        var probe = await CriuBench.Execution.ProcessRunner.Instance.RunAsync(CriuBench.Execution.Command.Of(Path.Combine(WorkloadAssets.Directory, "host", "probe.sh")));
        Assert.Contains(probe.StandardOutput.Contains("soft_dirty=yes") ? "  ok    precopy\n" : "  no    precopy: this kernel has no soft-dirty", output);
        Assert.Contains(probe.StandardOutput.Contains("nfs_server_kernel=yes") ? "\n  ok    nfs\n" : "  no    nfs: this kernel has no NFS", output);
        Assert.True(CriuBench.Hosts.Lab.Lab.Status("clidoc").IsAbsent);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_dry_run_prints_the_plan_the_refusals_and_an_estimate_and_migrates_nothing()
    {
        Requires.Criu();
        using var results = new TempDirectory();

        var (exitCode, output, errors) = await CriubenchAsync("run", "--dry-run", "--workloads", "counter", "--strategies", "tar,page-server", "--modes", "cold,postcopy",
            "--repetitions", "2", "--lab", "clidr", "--out", results.Path);

        Assert.True(exitCode == 0, output + errors);
        // Post-copy with page-server is refused everywhere; post-copy with tar where the kernel has userfaultfd.
        var uffd = (await CriuBench.Execution.ProcessRunner.Instance.RunAsync(CriuBench.Execution.Command.Of(Path.Combine(WorkloadAssets.Directory, "host", "probe.sh")))).StandardOutput.Contains("uffd=yes");
        var planned = uffd ? 3 : 2;
        Assert.Contains($"planned: {planned} cell(s) x 2 repetition(s) = {2 * planned} migration(s)", output);
        Assert.Matches(@"\n  1gbit +tar +cold +counter \(process\)\n", output);
        Assert.Matches(@"\n  1gbit +page-server +cold +counter \(process\)\n", output);
        Assert.Contains($"refused: {4 - planned} cell(s), each with why:", output);
        Assert.Contains("not supported: postcopy with page-server at 1gbit for counter (process): post-copy streams the pages through its own lazy page server", output);
        Assert.Matches(@"estimated time: about \d+ s, made of\n  hosts up \d+\.\d s \(measured just now\)", output);
        Assert.Contains("a model:", output);
        Assert.Empty(Directory.GetFileSystemEntries(results.Path));
        Assert.True(CriuBench.Hosts.Lab.Lab.Status("clidrdry").IsAbsent);
        Assert.True(CriuBench.Hosts.Lab.Lab.Status("clidr").IsAbsent);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> CriubenchAsync(params string[] arguments)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var result = await CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "criubench.dll"), .. arguments])
            .WithEnvironmentVariables(variables => variables.Set("CRIUBENCH_WORKLOADS", WorkloadAssets.Directory))
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync();
        return (result.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
