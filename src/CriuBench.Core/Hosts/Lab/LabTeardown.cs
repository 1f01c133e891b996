using CriuBench.Execution;
using CriuBench.Hosts.Lab.Rescue;
using CriuBench.Logging;

namespace CriuBench.Hosts.Lab;

/// <summary>
/// Removes a lab: first every process living in its namespaces (workloads, sshd, sshfs,
/// page servers, daemons), then the namespaces, mounts and directories. Each step is
/// best-effort, so a half-created lab is removed as completely as a whole one. It says what it
/// removed, and CRIU images left on a host's disk are moved out of the lab rather than deleted
/// (see <see cref="LeftoverImages"/>).
/// </summary>
internal static class LabTeardown
{
    /// <param name="leftovers">The lab should not exist (a run starts): whatever is found was left by an earlier run that crashed or was killed.</param>
    public static async Task<TeardownReport> RunAsync(LabLayout layout, ICommandRunner runner, ILog log, CancellationToken ct, bool leftovers = false)
    {
        var found = LabStatus.Read(layout);
        var namespaces = NamespaceProcesses.OfLab(layout);
        if (namespaces.Count > 0) await LetDumpsFinishAsync(layout, namespaces, log, ct);

        // Containers of the lab's hosts share their host's network namespace, so the kill below
        // reaches them too; thawed first, since a frozen task (a checkpoint cut short) ignores SIGKILL.
        foreach (var host in LabLayout.HostNames)
            await runner.RunAsync(HostCgroups.ThawScope(layout.NetworkNamespace(host), onController: true), ct);
        var killed = namespaces.Count > 0 ? await KillAllAsync(namespaces, ct) : new Dictionary<string, int>();
        await RemoveCgroupsAsync(layout, runner, log, ct);

        PutBackPipeMaxSize(layout, log);

        var mounts = new List<string>();
        foreach (var command in HostMountNamespaces.Delete(layout).Concat(LabNetwork.Delete(layout)))
            if ((await runner.RunAsync(command, ct)).Succeeded && command.Program == "umount") mounts.Add(command.Arguments[^1]);

        var (rescued, rescue) = RescueDisks(layout);
        var directories = 0;
        foreach (var directory in new[] { layout.RunDirectory, layout.StateDirectory })
        {
            if (!Directory.Exists(directory)) continue;
            Directory.Delete(directory, recursive: true);
            directories++;
        }

        var report = new TeardownReport(found.NetworkNamespaces, found.MountNamespaces.Select(layout.MountNamespaceFile).ToList(), killed, mounts, rescued);
        if (leftovers && !report.IsEmpty)
            log.Warning($"lab {layout.Name}: an earlier run left it behind (crashed or killed); removed: {report.DescribeRemoved()}");
        else if (!report.IsEmpty || directories > 0)
            log.Info($"lab {layout.Name}: removed ({report.DescribeRemoved()}; disks deleted)");
        foreach (var images in rescued)
            log.Warning($"lab {layout.Name}: {images.Describe()}");
        if (rescue is not null)
            log.Warning($"lab {layout.Name}: {DescribeRescue(rescue)}");
        return report;
    }

    /// <summary>
    /// Images on any host's disk are the only state left of an interrupted or lost workload: then
    /// every host's disk is kept, together, since the images and the workload's files may be on
    /// different hosts (a shared filesystem's export is on the serving host, the workload's files
    /// where it ran). The rescue's README says how to bring each workload back.
    /// </summary>
    private static (List<RescuedImages> Images, LabRescue? Rescue) RescueDisks(LabLayout layout)
    {
        var found = LabLayout.HostNames.Select(host => (Host: host, Images: LeftoverImages.Find(layout.DiskOf(host)))).ToList();
        if (found.All(host => host.Images.Count == 0)) return ([], null);
        var target = LeftoverImages.RescueDirectory(layout, DateTimeOffset.UtcNow);
        var images = new List<RescuedImages>();
        foreach (var (host, directories) in found)
        {
            var keptIn = LeftoverImages.MoveDisk(layout, host, target);
            if (directories.Count > 0 && keptIn is not null) images.Add(new RescuedImages(host, directories, keptIn));
        }
        var rescue = LabRescue.Read(target);
        RescueReadme.Write(rescue, layout.Name);
        return (images, rescue);
    }

    private static string DescribeRescue(LabRescue rescue)
    {
        var workloads = rescue.Workloads.Select(workload => workload.Restorable
            ? $"{workload.Instance} can be restored from it"
            : $"{workload.Instance} cannot ({workload.Lacks})");
        return $"the hosts' disks are kept together in {rescue.Directory}: {string.Join("; ", workloads)}; "
            + $"bring a workload back with `criubench rescue restore {rescue.Directory}` (the commands: {rescue.Readme})";
    }

    /// <summary>
    /// A run that raised fs.pipe-max-size for post-copy and crashed left the old value on a host's
    /// disk (<see cref="PipeMaxSizeGuard"/>): the kernel setting outlives the lab, so put it back.
    /// </summary>
    private static void PutBackPipeMaxSize(LabLayout layout, ILog log)
    {
        foreach (var host in LabLayout.HostNames)
        {
            var saved = Path.Combine(layout.DiskOf(host), PipeMaxSizeGuard.SavedFileName);
            if (!File.Exists(saved) || PipeMaxSizeGuard.Parse(File.ReadAllText(saved)) is not { } old) continue;
            try
            {
                File.WriteAllText(PipeMaxSizeGuard.Sysctl, old.ToString(System.Globalization.CultureInfo.InvariantCulture));
                File.Delete(saved);
                log.Warning($"lab {layout.Name}: fs.pipe-max-size put back to {old}, which a crashed run on {host} had raised for post-copy");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.Warning($"lab {layout.Name}: could not put fs.pipe-max-size back to {old} ({e.Message}): run `sysctl -w fs.pipe-max-size={old}`");
            }
        }
    }

    /// <summary>
    /// The hosts' container cgroups (see <see cref="HostCgroups"/>), once their processes are gone,
    /// and the scopes of gone hosts that rescued containers used (<see cref="ForeignCgroupScopes"/>).
    /// </summary>
    private static async Task RemoveCgroupsAsync(LabLayout layout, ICommandRunner runner, ILog log, CancellationToken ct)
    {
        var foreign = LabLayout.HostNames.SelectMany(host => ForeignCgroupScopes.On(layout.DiskOf(host)))
            .Where(identity => !File.Exists($"/run/netns/{identity}")); // that host is up again: its own lab removes it
        foreach (var identity in LabLayout.HostNames.Select(layout.NetworkNamespace).Concat(foreign).Distinct())
        {
            CommandResult? result = null;
            for (var attempt = 0; attempt < 20; attempt++)
            {
                result = await runner.RunAsync(HostCgroups.RemoveScope(identity, onController: true), ct);
                if (result.Succeeded) break;
                await Task.Delay(50, ct); // a killed task leaves its cgroup a moment after the signal
            }
            if (result is { Succeeded: false })
                log.Warning($"lab {layout.Name}: {result.StandardError.Trim()}");
        }
    }

    /// <summary>
    /// A `criu dump` still running in the lab (its run was killed, and its children live on) ends
    /// by stopping the workload with its state saved: killed halfway, it would leave the workload
    /// running (to be killed next) and images no one can restore. So it may finish, for up to a
    /// minute, and its images are rescued with the disks. A lazy dump is not waited for: it serves
    /// pages until a restore takes them.
    /// </summary>
    private static async Task LetDumpsFinishAsync(LabLayout layout, IReadOnlySet<string> namespaces, ILog log, CancellationToken ct)
    {
        var dumps = RunningDumps(namespaces);
        if (dumps.Count == 0) return;
        log.Warning($"lab {layout.Name}: waiting for criu dump ({string.Join(", ", dumps)}) to finish first, so the workload's state is saved");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (RunningDumps(namespaces).Count > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50, ct);
    }

    private static IReadOnlyList<int> RunningDumps(IReadOnlySet<string> namespaces) =>
        NamespaceProcesses.Find(namespaces).Where(pid => !ProcStat.HasEnded(pid) && Kind(pid) == "criu" && Arguments(pid) is var arguments
            && arguments.Contains("dump") && !arguments.Contains("--lazy-pages")).ToList();

    private static IReadOnlyList<string> Arguments(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries); }
        catch (IOException) { return []; }
    }

    /// <summary>Kills every process in the namespaces; returns how many of each kind (its command name) were stopped.</summary>
    private static async Task<Dictionary<string, int>> KillAllAsync(IReadOnlySet<string> namespaces, CancellationToken ct)
    {
        var killed = new Dictionary<int, string>();
        for (var round = 0; round < 50; round++)
        {
            var pids = NamespaceProcesses.Find(namespaces).Where(pid => !ProcStat.HasEnded(pid)).ToList();
            if (pids.Count == 0) break;
            foreach (var pid in pids)
            {
                var kind = Kind(pid);
                try { System.Diagnostics.Process.GetProcessById(pid).Kill(); killed.TryAdd(pid, kind); }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
            }
            await Task.Delay(20, ct);
        }
        return killed.Values.GroupBy(kind => kind).ToDictionary(group => group.Key, group => group.Count());
    }

    private static string Kind(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return "unknown"; }
    }

}
