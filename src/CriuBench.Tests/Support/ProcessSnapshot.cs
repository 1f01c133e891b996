using CriuBench.Hosts.Lab;

namespace CriuBench.Tests.Support;

/// <summary>
/// The processes in a lab's namespaces, taken before the lab goes down, to ask afterwards which
/// survived. Asking the namespaces again afterwards is wrong: a freed namespace's identity (its
/// inode) goes to the next namespace made, and another test's lab made meanwhile would count as
/// this one's (seen: another migration's criu and tar).
/// </summary>
internal sealed class ProcessSnapshot
{
    private readonly IReadOnlyList<(int Pid, string Started)> processes;

    private ProcessSnapshot(IReadOnlyList<(int, string)> processes) => this.processes = processes;

    public static ProcessSnapshot Of(IReadOnlySet<string> namespaces) =>
        new(NamespaceProcesses.Find(namespaces).Select(pid => (pid, StartTime(pid))).Where(p => p.Item2 is not null).Select(p => (p.pid, p.Item2!)).ToList());

    /// <summary>Those still alive: the same PID started at the same time, and not a zombie (ended, only its parent's wait missing).</summary>
    public IReadOnlyList<int> Alive() => processes.Where(p => StartTime(p.Pid) == p.Started).Select(p => p.Pid).ToList();

    /// <summary>Field 22 of /proc/PID/stat (after the command in parentheses); null once it is gone or a zombie.</summary>
    private static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] is "Z" or "X" ? null : fields[19];
        }
        catch (IOException) { return null; }
    }
}
