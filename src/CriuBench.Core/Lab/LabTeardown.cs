using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;

namespace CriuBench.Lab;

/// <summary>
/// Removes a lab: first every process living in its namespaces (workloads, sshd, sshfs,
/// page servers, daemons), then the namespaces, mounts and directories. Each step is
/// best-effort, so a half-created lab is removed as completely as a whole one.
/// </summary>
internal static class LabTeardown
{
    public static async Task RunAsync(LabLayout layout, ICommandRunner runner, ILog log, CancellationToken ct)
    {
        var namespaces = NamespaceProcesses.OfLab(layout);

        // Containers of the lab's hosts share their host's network namespace, so the kill below
        // reaches them too; thawed first, since a frozen task (a checkpoint cut short) ignores SIGKILL.
        foreach (var host in LabLayout.HostNames)
            await runner.RunAsync(HostCgroups.ThawScope(layout.NetworkNamespace(host)), ct);
        var killed = namespaces.Count > 0 ? await KillAllAsync(namespaces, ct) : 0;
        await RemoveCgroupsAsync(layout, runner, log, ct);

        PutBackPipeMaxSize(layout, log);

        var leftovers = 0;
        foreach (var command in HostMountNamespaces.Delete(layout).Concat(LabNetwork.Delete(layout)))
            if ((await runner.RunAsync(command, ct)).Succeeded) leftovers++;
        foreach (var directory in new[] { layout.RunDirectory, layout.StateDirectory })
        {
            if (!Directory.Exists(directory)) continue;
            Directory.Delete(directory, recursive: true);
            leftovers++;
        }
        if (leftovers > 0 || killed > 0)
            log.Info($"lab {layout.Name}: removed ({killed} processes stopped, namespaces, mounts and disks deleted)");
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
                result = await runner.RunAsync(HostCgroups.RemoveScope(layout.NetworkNamespace(host)), ct);
                if (result.Succeeded) break;
                await Task.Delay(50, ct); // a killed task leaves its cgroup a moment after the signal
            }
            if (result is { Succeeded: false })
                log.Warning($"lab {layout.Name}: {result.StandardError.Trim()}");
        }
    }

    private static async Task<int> KillAllAsync(IReadOnlySet<string> namespaces, CancellationToken ct)
    {
        var killed = new HashSet<int>();
        for (var round = 0; round < 50; round++)
        {
            var pids = NamespaceProcesses.Find(namespaces).Where(pid => !IsZombie(pid)).ToList();
            if (pids.Count == 0) break;
            foreach (var pid in pids)
            {
                try { System.Diagnostics.Process.GetProcessById(pid).Kill(); killed.Add(pid); }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
            }
            await Task.Delay(20, ct);
        }
        return killed.Count;
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
