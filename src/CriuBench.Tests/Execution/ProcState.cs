using System.Diagnostics;
using CriuBench.Execution;

namespace CriuBench.Tests.Execution;

/// <summary>Whether a PID still runs, read from /proc (zombies waiting for a slow reaper count as gone).</summary>
internal static class ProcState
{
    public static bool IsRunning(int pid) => !ProcStat.HasEnded(pid);

    /// <summary>Waits up to 5 s for every PID to stop running, then asserts that none does.</summary>
    public static async Task AssertGoneAsync(params int[] pids)
    {
        var deadline = Stopwatch.StartNew();
        while (pids.Any(IsRunning) && deadline.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50);
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"process {pid} still runs"));
    }

    /// <summary>The PIDs a command wrote, one per named file in <paramref name="directory"/>.</summary>
    public static int[] Read(string directory, params string[] names) =>
        [.. names.Select(name => int.Parse(File.ReadAllText(Path.Combine(directory, name)).Trim()))];

    /// <summary>Waits until the command has written <paramref name="name"/> (it does so last, by a rename).</summary>
    public static async Task WaitForFileAsync(string directory, string name)
    {
        while (!File.Exists(Path.Combine(directory, name))) await Task.Delay(20);
    }
}
