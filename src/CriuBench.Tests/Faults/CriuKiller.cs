using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Tests.Faults;

/// <summary>
/// SIGKILLs a lab host's criu once what it wrote reaches a point. Between looks criu is held with
/// SIGSTOP, so a look sees all it wrote and it runs on only in slices of about a millisecond: it
/// can pass the point by one slice's writing, not finish a 300 ms dump while a busy machine (CI
/// runs a QEMU guest beside these tests) keeps the looking thread waiting. The looking thread is
/// its own, not the thread pool's.
/// </summary>
internal static class CriuKiller
{
    /// <param name="which">Which of the host's criu processes (default: all).</param>
    /// <returns>How many criu processes were killed; 0 if <paramref name="ct"/> ended (the dump with it) first.</returns>
    public static Task<int> KillWhenAsync(CriuBench.Hosts.Lab.Lab lab, IHost host, Func<bool> reached, CancellationToken ct, Func<int, bool>? which = null) =>
        Task.Factory.StartNew(() => KillWhen(lab, host, reached, which ?? (_ => true), ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// The `criu restore` itself, not the tasks it forks: those are named criu too until they are
    /// restored, but live in the restored tree's own PID namespace.
    /// </summary>
    public static bool IsRestoreItself(int pid) =>
        LabProcesses.InOurPidNamespace(pid) && LabProcesses.Arguments(pid).Contains("restore");

    private static int KillWhen(CriuBench.Hosts.Lab.Lab lab, IHost host, Func<bool> reached, Func<int, bool> which, CancellationToken ct)
    {
        IReadOnlyList<int> criu;
        while ((criu = LabProcesses.Named(lab, host, "criu").Where(which).ToList()).Count == 0)
        {
            if (ct.IsCancellationRequested) return 0;
            Thread.Sleep(1);
        }
        Signal(criu, ProcessSignals.Stop);
        try
        {
            while (!reached())
            {
                if (ct.IsCancellationRequested) return 0;
                Signal(criu, ProcessSignals.Continue);
                Thread.Sleep(1);
                Signal(criu, ProcessSignals.Stop);
            }
            return Signal(criu, ProcessSignals.Kill);
        }
        finally
        {
            Signal(criu, ProcessSignals.Continue); // killed ones are gone; anything else must not be left stopped
        }
    }

    /// <returns>How many of <paramref name="pids"/> took the signal (still existed).</returns>
    private static int Signal(IEnumerable<int> pids, int signal) => pids.Count(pid => ProcessSignals.Send(pid, signal));
}
