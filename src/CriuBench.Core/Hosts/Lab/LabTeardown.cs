using CriuBench.Execution;
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

        var rescued = new List<RescuedImages>();
        foreach (var host in LabLayout.HostNames)
            if (LeftoverImages.Find(layout.DiskOf(host)) is { Count: > 0 } images)
                rescued.Add(new RescuedImages(host, images, LeftoverImages.Rescue(layout, host, DateTimeOffset.UtcNow)));
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
        return report;
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

    /// <summary>The hosts' container cgroups (see <see cref="HostCgroups"/>), once their processes are gone.</summary>
    private static async Task RemoveCgroupsAsync(LabLayout layout, ICommandRunner runner, ILog log, CancellationToken ct)
    {
        foreach (var host in LabLayout.HostNames)
        {
            CommandResult? result = null;
            for (var attempt = 0; attempt < 20; attempt++)
            {
                result = await runner.RunAsync(HostCgroups.RemoveScope(layout.NetworkNamespace(host), onController: true), ct);
                if (result.Succeeded) break;
                await Task.Delay(50, ct); // a killed task leaves its cgroup a moment after the signal
            }
            if (result is { Succeeded: false })
                log.Warning($"lab {layout.Name}: {result.StandardError.Trim()}");
        }
    }

    /// <summary>Kills every process in the namespaces; returns how many of each kind (its command name) were stopped.</summary>
    private static async Task<Dictionary<string, int>> KillAllAsync(IReadOnlySet<string> namespaces, CancellationToken ct)
    {
        var killed = new Dictionary<int, string>();
        for (var round = 0; round < 50; round++)
        {
            var pids = NamespaceProcesses.Find(namespaces).Where(pid => !IsZombie(pid)).ToList();
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

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException) { return true; }
    }
}
