using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Tests.Faults;

/// <summary>Processes inside one lab host's network namespace, read from /proc as the machine sees them.</summary>
internal static class LabProcesses
{
    public static async Task<IReadOnlyList<int>> InHostAsync(CriuBench.Lab.Lab lab, IHost host)
    {
        var result = await ProcessRunner.Instance.RunAsync(Command.Of("ip", "netns", "pids", lab.Layout.NetworkNamespace(host.Name)));
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
    }

    public static async Task<IReadOnlyList<int>> NamedAsync(CriuBench.Lab.Lab lab, IHost host, params string[] names) =>
        (await InHostAsync(lab, host)).Where(pid => names.Contains(Read($"/proc/{pid}/comm")?.Trim())).ToList();

    /// <summary>Workloads: the inits of nested PID namespaces (every workload runs as one, see workloads/launch.sh), zombies excluded.</summary>
    public static async Task<IReadOnlyList<int>> WorkloadsAsync(CriuBench.Lab.Lab lab, IHost host) =>
        (await InHostAsync(lab, host)).Where(pid => Read($"/proc/{pid}/status") is { } status
            && status.Split('\n').FirstOrDefault(line => line.StartsWith("NSpid:", StringComparison.Ordinal)) is { } nspid
            && nspid.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries) is { Length: > 2 } ids && ids[^1] == "1"
            && !status.Contains("State:\tZ", StringComparison.Ordinal)).ToList();

    /// <summary>SIGKILLs each; returns how many still ran and were killed.</summary>
    public static int Kill(IEnumerable<int> pids)
    {
        var killed = 0;
        foreach (var pid in pids)
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
                killed++;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
        }
        return killed;
    }

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
    }
}
