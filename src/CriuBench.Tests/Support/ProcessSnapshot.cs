using CriuBench.Execution;
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
        new([.. from pid in NamespaceProcesses.Find(namespaces) let started = ProcStat.StartTime(pid) where started is not null select (pid, started)]);

    /// <summary>Those still alive: the same PID started at the same time, and not a zombie (ended, only its parent's wait missing).</summary>
    public IReadOnlyList<int> Alive() => processes.Where(p => ProcStat.StartTime(p.Pid) == p.Started).Select(p => p.Pid).ToList();
}
