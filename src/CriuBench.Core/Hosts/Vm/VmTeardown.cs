using CriuBench.Logging;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// Removes a VM lab: its qemus and ssh masters (by pid, found through the lab's own paths), then
/// its overlays, seeds, keys, pid files and sockets. Safe when nothing or only part exists, and
/// says what it removed, so a crashed run's leftovers are visible when the next one cleans them.
/// </summary>
internal static class VmTeardown
{
    public static async Task<IReadOnlyList<string>> RunAsync(VmLayout layout, ILog log, CancellationToken ct)
    {
        var removed = new List<string>();
        var stopped = await VmProcesses.StopAllAsync(layout, TimeSpan.FromSeconds(5), ct);
        removed.AddRange(stopped.Select(p => $"process {p.Pid} ({p.Program})"));
        foreach (var directory in new[] { layout.RunDirectory, layout.StateDirectory })
        {
            if (!Directory.Exists(directory)) continue;
            var overlays = Directory.EnumerateFiles(directory, "*.qcow2", SearchOption.AllDirectories).ToList();
            Directory.Delete(directory, recursive: true);
            removed.AddRange(overlays.Select(o => $"overlay {o}"));
            removed.Add($"directory {directory}");
        }
        if (removed.Count > 0)
            log.Info($"vm lab {layout.Name}: removed {string.Join(", ", removed)}");
        return removed;
    }
}
