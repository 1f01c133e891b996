using System.Text;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using CriuBench.Execution;
using CriuBench.Hosts.Lab;
using CriuBench.Hosts.Lab.Rescue;
using LabProcesses = CriuBench.Tests.Faults.LabProcesses;
using RowTruth = CriuBench.Tests.Faults.RowTruth;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Cli;

/// <summary>The lab `criubench rescue restore` brings the rescued workloads back in (kept up for the class).</summary>
public sealed class RescueRestoreLab() : LabFixture("rsqr");

/// <summary>
/// A run cut short in the middle of a migration of the 256 MiB allocator: Ctrl-C (SIGINT to the
/// CLI alone) mid-dump, mid-transfer and mid-restore, with tar and sshfs; SIGKILL while a dump runs
/// on either host, then a new run. Wherever the workload no longer ran, the rescue the lab kept
/// holds all a restore needs: `criubench rescue restore` brings it back in a lab host and its
/// counter continues from the images (the first line after the rescued output's last is the next
/// value), and its output grows there. A rescue that cannot restore says why, and it must be true.
/// </summary>
public partial class RescueTests(RescueRestoreLab restoreLab, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<RescueRestoreLab>
{
    private const string LabName = "rsqcli";
    private static readonly LabLayout Layout = LabLayout.For(LabName);
    private const string Workload = "memory-"; // the allocator's instance, not the run's warm-up counter

    public enum Moment { Dump, Transfer, Restore }

    public static TheoryData<string, Moment> Interrupts => new()
    {
        // Mid-dump once (criu dump dies with the run: the rescue must say it cannot restore); the
        // other moments for both ways of placing the images (a copy on dst, an export on src).
        { "tar", Moment.Transfer }, { "tar", Moment.Restore },
        { "sshfs", Moment.Dump }, { "sshfs", Moment.Transfer }, { "sshfs", Moment.Restore },
    };

    [Theory(Timeout = 240_000)]
    [MemberData(nameof(Interrupts))]
    public async Task Ctrl_C_in_the_middle_of_a_migration_leaves_a_rescue_that_brings_the_workload_back(string strategy, Moment moment)
    {
        Requires.Criu();
        using var results = new TempDirectory();
        var stderr = new StringBuilder();
        var stdout = new StringBuilder();
        using var abandon = new CancellationTokenSource();
        var run = Run(results.Path, strategy, repetitions: 1, stdout, stderr, abandon.Token);
        var stoppedSshfs = new List<int>();
        try
        {
            await Task.Factory.StartNew(() => WaitFor(moment, strategy, run, stoppedSshfs), TaskCreationOptions.LongRunning);
            Assert.True(ProcessSignals.Send(run.ProcessId, ProcessSignals.Interrupt)); // Ctrl-C: SIGINT to the run alone
            var result = await run.Task.WaitAsync(TimeSpan.FromSeconds(120));
            var said = $"{stdout}{stderr}";
            output.WriteLine(said);
            Assert.Equal(130, result.ExitCode);
            Assert.True(Lab.Status(LabName).IsAbsent, $"left behind: {Lab.Status(LabName)}");
            await AssertRescueRestoresAsync(said, mayBeIncomplete: moment == Moment.Dump);
        }
        finally
        {
            foreach (var pid in stoppedSshfs) ProcessSignals.Send(pid, ProcessSignals.Continue);
            await abandon.CancelAsync();
        }
    }

    /// <summary>tar keeps images and files on one host, the dumping one (src shown); sshfs splits them, so both hosts.</summary>
    public static TheoryData<string, string> Kills => new() { { "tar", "src" }, { "sshfs", "src" }, { "sshfs", "dst" } };

    [Theory(Timeout = 240_000)]
    [MemberData(nameof(Kills))]
    public async Task SIGKILL_while_a_dump_runs_then_a_new_run_leaves_a_rescue_that_brings_the_workload_back(string strategy, string dumpingHost)
    {
        Requires.Criu();
        using var results = new TempDirectory();
        using var abandon = new CancellationTokenSource();
        var (stdout, stderr) = (new StringBuilder(), new StringBuilder());
        // Repetition 1 dumps on src, repetition 2 on dst.
        var killed = Run(results.Path, strategy, repetitions: 2, stdout, stderr, abandon.Token);
        try
        {
            await Task.Factory.StartNew(() => WaitUntil(killed, () => Dumping(dumpingHost)), TaskCreationOptions.LongRunning);
            Assert.True(ProcessSignals.Send(killed.ProcessId, ProcessSignals.Kill)); // what it started stays behind
            await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await abandon.CancelAsync();
        }
        Assert.False(Lab.Status(LabName).IsAbsent, "the killed run left nothing behind: the fault was not injected");

        var next = await CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Cli, "run", "--lab", LabName, "--out", results.Path, "--workloads", "counter", "--strategies", "tar", "--repetitions", "1"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        var said = next.StandardOutput + next.StandardError;
        output.WriteLine(said);
        Assert.True(next.ExitCode == 0, said);
        Assert.True(Lab.Status(LabName).IsAbsent, "the second run left its lab behind");
        // The killed run's criu dump lived on; the next start let it finish before it removed the lab.
        await AssertRescueRestoresAsync(said, mayBeIncomplete: false);
    }

    /// <summary>
    /// The rescue the run's teardown named: restorable (then `rescue restore` brings the workload
    /// back and its counter continues), or, only where <paramref name="mayBeIncomplete"/>, truly
    /// incomplete (criu dump was cut short: no stats-dump in any of its image sets).
    /// </summary>
    private async Task AssertRescueRestoresAsync(string said, bool mayBeIncomplete)
    {
        var kept = KeptTogether().Match(said);
        Assert.True(kept.Success, $"no rescue was reported:\n{said}");
        var directory = kept.Groups[1].Value;
        try
        {
            var rescue = LabRescue.Read(directory);
            Assert.True(File.Exists(rescue.Readme), "the rescue holds no README");
            var workload = Assert.Single(rescue.Workloads, w => w.Instance.StartsWith(Workload, StringComparison.Ordinal));
            output.WriteLine($"rescue {directory}: {workload.Instance}, restorable: {workload.Restorable} ({workload.Lacks})");
            if (!workload.Restorable)
            {
                Assert.True(mayBeIncomplete, $"the rescue cannot restore: {workload.Lacks}");
                Assert.Contains("incomplete", workload.Lacks);
                Assert.All(workload.Checkpoints, images => Assert.False(File.Exists(Path.Combine(images.Path, RescuedCheckpoint.CompletionMarker))));
                return;
            }
            Assert.Contains($"criubench rescue restore {directory}", File.ReadAllText(rescue.Readme));
            Assert.Contains("criu restore --restore-detached --images-dir", File.ReadAllText(rescue.Readme));
            var lastRescued = LastCounter(workload.OutputFile!);

            var restore = await CliWrap.Cli.Wrap("dotnet")
                .WithArguments([Cli, "rescue", "restore", directory, "--lab", restoreLab.Name])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            output.WriteLine(restore.StandardOutput + restore.StandardError);
            Assert.True(restore.ExitCode == 0, restore.StandardOutput + restore.StandardError);
            var pid = Restored().Match(restore.StandardOutput);
            Assert.True(pid.Success, restore.StandardOutput);
            try
            {
                // The counter goes on from the images: the first value after the rescued output's last is the next one.
                var first = FirstAfter().Match(restore.StandardOutput);
                Assert.True(first.Success, restore.StandardOutput);
                Assert.Equal(lastRescued + 1, long.Parse(first.Groups[1].Value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
                var host = restoreLab.Lab.Hosts.Single(h => h.Name == "src");
                var restored = new CriuBench.Workloads.RunningWorkload(CriuBench.Workloads.Catalog.BuiltinWorkloads.MemoryHog(256), workload.Instance, host, pid.Groups[1].Value);
                Assert.True(await RowTruth.GrowsAsync(restored), "the restored workload's output does not grow");
            }
            finally
            {
                await restoreLab.Lab.Hosts[0].RunAsync(CriuBench.Hosts.HostAssets.Script("stop-workload.sh", pid.Groups[1].Value));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Returns once the run is at <paramref name="moment"/> of the allocator's migration (a sshfs transfer is held there).</summary>
    private static void WaitFor(Moment moment, string strategy, CommandTask<CliWrap.CommandResult> run, List<int> stoppedSshfs)
    {
        switch (moment)
        {
            case Moment.Dump:
                // Once the dump has written 32 MiB of pages: criu, killed by the interrupt, leaves images behind.
                WaitUntil(run, () => Dumping("src") && PagesWritten("src") >= 32L << 20);
                break;
            case Moment.Transfer when strategy == "tar":
                WaitUntil(run, () => LabProcesses.Running(Layout, "src", "scp", Workload).Count > 0);
                break;
            case Moment.Transfer:
                // sshfs moves only the workload's small files: dst's sshfs is held (SIGSTOP) once the dump
                // runs, so copying them in on dst waits, mid-transfer, for as long as the test likes.
                WaitUntil(run, () => Dumping("src"));
                foreach (var sshfs in LabProcesses.InHost(Layout, "dst").Where(pid => LabProcesses.Arguments(pid).FirstOrDefault() == "sshfs"))
                    if (ProcessSignals.Send(sshfs, ProcessSignals.Stop)) stoppedSshfs.Add(sshfs);
                Assert.NotEmpty(stoppedSshfs);
                WaitUntil(run, () => LabProcesses.Running(Layout, "dst", "cp", Workload).Count > 0);
                break;
            case Moment.Restore:
                WaitUntil(run, () => LabProcesses.Running(Layout, "dst", "criu", Workload).Any(pid => LabProcesses.Arguments(pid).Contains("restore")));
                break;
        }
    }

    /// <summary>Bytes of the allocator's page images on the host's disk (its images directory or a shared filesystem's export).</summary>
    private static long PagesWritten(string host)
    {
        try
        {
            return Directory.EnumerateFiles(Layout.DiskOf(host), "pages-*.img", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Where(file => file.Contains(Workload, StringComparison.Ordinal)).Sum(file => new FileInfo(file).Length);
        }
        catch (IOException) { return 0; } // the run removes directories while we look
    }

    private static bool Dumping(string host) =>
        LabProcesses.Running(Layout, host, "criu", Workload).Any(pid => LabProcesses.Arguments(pid).Contains("dump"));

    private static void WaitUntil(CommandTask<CliWrap.CommandResult> run, Func<bool> reached)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(150);
        while (!reached())
        {
            Assert.False(run.Task.IsCompleted, "the run ended before it could be interrupted: the fault was not injected");
            Assert.True(DateTime.UtcNow < deadline, "the run did not reach the moment to interrupt within 150 s");
            Thread.Sleep(1);
        }
    }

    private static CommandTask<CliWrap.CommandResult> Run(string resultsRoot, string strategy, int repetitions, StringBuilder stdout, StringBuilder stderr, CancellationToken abandon) =>
        InterruptibleCli.Wrap(["run", "--lab", LabName, "--out", resultsRoot, "--workloads", "memory", "--strategies", strategy,
                "--repetitions", repetitions.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(abandon); // cancelled only if the test fails before the run ends

    private static string Cli => InterruptibleCli.Dll;

    /// <summary>The counter of the last whole line of an output file.</summary>
    private static long LastCounter(string file)
    {
        var lines = File.ReadAllText(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(lines[^1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"the hosts' disks are kept together in (\S+):")]
    private static partial Regex KeptTogether();

    [GeneratedRegex(@"\(PID (\d+)\)")]
    private static partial Regex Restored();

    [GeneratedRegex(@"the first line after the rescue's last is '([^']*)'")]
    private static partial Regex FirstAfter();
}
