using CliWrap;
using CliWrap.Buffered;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Lab;
using CriuBench.Logging;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Cli;

/// <summary>
/// A run of the Podman counter killed with SIGKILL while a checkpoint archive is being written: the
/// lab's teardown (as the next run or `lab down` does it) leaves no Podman container, conmon,
/// storage or cgroup of it behind.
/// </summary>
public sealed class PodmanKilledRunTests
{
    private const string LabName = "pod3";

    [Fact(Timeout = 240_000)]
    public async Task A_killed_podman_run_leaves_no_container_conmon_storage_or_cgroup_after_its_labs_teardown()
    {
        Requires.Criu();
        Requires.Tool("podman", "podman");
        using var results = new TempDirectory();
        var layout = LabLayout.For(LabName);
        var killed = CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "criubench.dll"), "run", "--lab", LabName, "--out", results.Path,
                "--workloads", "podman-counter", "--strategies", "tar", "--repetitions", "4"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(150);
        while (!CheckpointBeingWritten(layout))
        {
            Assert.False(killed.Task.IsCompleted, "the run ended before a Podman checkpoint was written");
            Assert.True(DateTime.UtcNow < deadline, "no Podman checkpoint archive within 150 s");
            await Task.Delay(10);
        }
        var namespaces = LabLayout.HostNames.Select(host => NamespaceProcesses.IdentityOf(layout.NetworkNamespaceFile(host), "net")).OfType<string>().ToHashSet();
        var conmons = NamespaceProcesses.Find(namespaces).Where(pid => Comm(pid) == "conmon").ToList();
        Assert.True(ProcessSignals.Send(killed.ProcessId, ProcessSignals.Kill)); // the run alone: what it started stays behind
        await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEmpty(conmons); // else the test proves nothing

        var rescuesBefore = RescuesOfThisLab();
        var before = ProcessSnapshot.Of(namespaces); // taken before: see ProcessSnapshot
        await CriuBench.Hosts.Lab.Lab.DownAsync(LabName, ProcessRunner.Instance, NullLog.Instance);
        // The teardown keeps the killed migration's disks as a rescue (what a user wants); this test's is a test's leftover.
        foreach (var rescue in RescuesOfThisLab().Except(rescuesBefore)) Directory.Delete(rescue, recursive: true);

        Assert.All(conmons, pid => Assert.False(Comm(pid) == "conmon" && !ProcStat.HasEnded(pid), $"conmon {pid} survived"));
        Assert.Empty(before.Alive());
        foreach (var host in LabLayout.HostNames)
        {
            Assert.False(Directory.Exists(Path.Combine(layout.DiskOf(host), "podman")), $"Podman's storage left on {host}");
            foreach (var root in File.ReadAllLines("/proc/self/mountinfo").Select(line => line.Split(" - ")).Where(p => p.Length == 2 && p[1].StartsWith("cgroup", StringComparison.Ordinal)).Select(p => p[0].Split(' ')[4]))
                Assert.False(Directory.Exists(Path.Combine(root, HostCgroups.Top, layout.NetworkNamespace(host))), $"cgroup of {host} left in {root}");
        }
        Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"),
            line => line.Contains(layout.StateDirectory, StringComparison.Ordinal) || line.Contains(layout.RunDirectory, StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> RescuesOfThisLab() =>
        Directory.Exists(CriuBench.Hosts.Lab.Rescue.LabRescue.Root) ? Directory.GetDirectories(CriuBench.Hosts.Lab.Rescue.LabRescue.Root, LabName + "-*") : [];

    /// <summary>A migration's Podman archive on either host's disk (not the warm-up's: that one is a process counter).</summary>
    private static bool CheckpointBeingWritten(LabLayout layout)
    {
        try
        {
            return LabLayout.HostNames.Any(host => Directory.Exists(Path.Combine(layout.DiskOf(host), "images"))
                && Directory.EnumerateFiles(Path.Combine(layout.DiskOf(host), "images"), "podman-checkpoint.tar", SearchOption.AllDirectories).Any());
        }
        catch (IOException) { return false; } // the run removes directories while we look
        catch (UnauthorizedAccessException) { return false; }
    }


    private static string? Comm(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return null; }
    }
}
