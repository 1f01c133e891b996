namespace CriuBench.Hosts.Vm;

/// <summary>What of a VM lab exists right now, read from the system rather than from saved state.</summary>
public sealed record VmLabStatus(string Name, IReadOnlyList<string> RunningVms, int Processes, IReadOnlyList<string> Overlays, bool StateDirectoryExists)
{
    public bool IsUp => RunningVms.Count == VmLayout.VmNames.Length;
    public bool IsAbsent => Processes == 0 && Overlays.Count == 0 && !StateDirectoryExists;

    internal static VmLabStatus Read(VmLayout layout)
    {
        var processes = VmProcesses.Of(layout);
        var running = VmLayout.VmNames.Where(vm =>
        {
            var pid = ReadPid(layout.PidFileOf(vm));
            return pid is not null && processes.Any(p => p.Pid == pid && p.Program.StartsWith("qemu", StringComparison.Ordinal));
        }).ToList();
        var overlays = VmLayout.VmNames.Select(layout.OverlayOf).Where(File.Exists).ToList();
        return new VmLabStatus(layout.Name, running, processes.Count, overlays, Directory.Exists(layout.StateDirectory));
    }

    internal static int? ReadPid(string pidFile)
    {
        try { return int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) ? pid : null; }
        catch (IOException) { return null; }
    }

    public override string ToString() =>
        $"{Name}: running [{string.Join(", ", RunningVms)}], {Processes} processes, overlays [{string.Join(", ", Overlays)}], state directory {(StateDirectoryExists ? "present" : "absent")}";
}
