using CriuBench.Hosts;
using CriuBench.Hosts.Lab;

namespace CriuBench.Tests.Faults;

/// <summary>Processes inside one lab host's network namespace, read from /proc as the machine sees them.</summary>
internal static class LabProcesses
{
    /// <summary>
    /// Read from /proc in this process, as `ip netns pids` does but without starting a program: a
    /// fault that must catch a command of a few hundred ms cannot spend tens of them on each look
    /// when the machine is busy.
    /// </summary>
    public static IReadOnlyList<int> InHost(CriuBench.Hosts.Lab.Lab lab, IHost host) => InHost(lab.Layout, host.Name);

    /// <summary>As above, for a lab another process (a run of the CLI) brought up.</summary>
    public static IReadOnlyList<int> InHost(LabLayout layout, string host) =>
        NamespaceProcesses.IdentityOf(layout.NetworkNamespaceFile(host), "net") is { } network
            ? NamespaceProcesses.Find(new HashSet<string> { network })
            : [];

    /// <summary>The host's processes named <paramref name="name"/> with an argument that contains <paramref name="argument"/>.</summary>
    public static IReadOnlyList<int> Running(LabLayout layout, string host, string name, string argument) =>
        InHost(layout, host).Where(pid => Read($"/proc/{pid}/comm")?.Trim() == name
            && Arguments(pid).Any(arg => arg.Contains(argument, StringComparison.Ordinal))).ToList();

    public static IReadOnlyList<int> Named(CriuBench.Hosts.Lab.Lab lab, IHost host, params string[] names) =>
        InHost(lab, host).Where(pid => names.Contains(Read($"/proc/{pid}/comm")?.Trim())).ToList();

    /// <summary>Workloads: the inits of nested PID namespaces (every workload runs as one, see workloads/launch.sh), zombies excluded.</summary>
    public static IReadOnlyList<int> Workloads(CriuBench.Hosts.Lab.Lab lab, IHost host) =>
        InHost(lab, host).Where(pid => Read($"/proc/{pid}/status") is { } status
            && status.Split('\n').FirstOrDefault(line => line.StartsWith("NSpid:", StringComparison.Ordinal)) is { } nspid
            && nspid.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries) is { Length: > 2 } ids && ids[^1] == "1"
            && !status.Contains("State:\tZ", StringComparison.Ordinal)).ToList();

    /// <summary>Whether the process shares this test's PID namespace (not a workload's nested one).</summary>
    public static bool InOurPidNamespace(int pid) =>
        LinkTarget($"/proc/{pid}/ns/pid") is { } ns && ns == LinkTarget("/proc/self/ns/pid");

    /// <summary>Its command line's arguments (empty once it is gone).</summary>
    public static IReadOnlyList<string> Arguments(int pid) =>
        Read($"/proc/{pid}/cmdline")?.Split('\0', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Resident memory in bytes (VmRSS), 0 once it is gone.</summary>
    public static long ResidentBytes(int pid) =>
        Read($"/proc/{pid}/status")?.Split('\n').FirstOrDefault(line => line.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } line
            && long.TryParse(line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[1], out var kib)
            ? kib * 1024 : 0;

    private static string? LinkTarget(string path)
    {
        try { return new FileInfo(path).LinkTarget; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
    }
}
