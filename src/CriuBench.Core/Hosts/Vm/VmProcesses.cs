using System.Diagnostics;
using CriuBench.Execution;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// The controller's processes that belong to one VM lab: its qemus and the ssh ControlMaster
/// processes. They are found by their command lines naming the lab's own directories, so a lab
/// whose pid files are gone (a crash) is found as well, and nothing of another lab is touched.
/// </summary>
internal static class VmProcesses
{
    public sealed record Found(int Pid, string Program);

    public static IReadOnlyList<Found> Of(VmLayout layout)
    {
        string[] marks = [layout.StateDirectory + "/", layout.RunDirectory + "/"];
        var found = new List<Found>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId) continue;
            string[] arguments;
            try { arguments = File.ReadAllText($"{entry}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (arguments.Length == 0 || ProcStat.HasEnded(pid)) continue;
            if (arguments.Any(argument => marks.Any(argument.Contains)))
                found.Add(new Found(pid, ProgramOf(arguments[0])));
        }
        return found;
    }

    /// <summary>SIGTERM, then SIGKILL for what still runs after <paramref name="grace"/>; returns what was stopped.</summary>
    public static async Task<IReadOnlyList<Found>> StopAllAsync(VmLayout layout, TimeSpan grace, CancellationToken ct)
    {
        var stopped = Of(layout);
        foreach (var process in stopped) ProcessSignals.Send(process.Pid, ProcessSignals.Terminate);
        var deadline = Stopwatch.StartNew();
        while (Of(layout).Count > 0 && deadline.Elapsed < grace) await Task.Delay(100, ct);
        for (var round = 0; round < 50; round++)
        {
            var left = Of(layout);
            if (left.Count == 0) return stopped;
            foreach (var process in left) ProcessSignals.Send(process.Pid, ProcessSignals.Kill);
            await Task.Delay(100, ct);
        }
        var survivors = Of(layout);
        if (survivors.Count > 0)
            throw new InvalidOperationException($"VM lab {layout.Name}: processes survive SIGKILL: {string.Join(", ", survivors)}");
        return stopped;
    }

    /// <summary>"qemu-system-x86_64"; an ssh ControlMaster renames itself "ssh: /path/cm-... [mux]", which reads "ssh".</summary>
    internal static string ProgramOf(string firstArgument) =>
        Path.GetFileName(firstArgument.Split(' ')[0].TrimEnd(':'));

}
