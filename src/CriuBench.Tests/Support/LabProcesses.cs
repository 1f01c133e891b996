using CriuBench.Hosts;
using CriuBench.Hosts.Lab;

namespace CriuBench.Tests.Support;

/// <summary>What runs in a lab's namespaces, by command line: what a test may assert is gone (other labs' processes never count).</summary>
internal static class LabProcesses
{
    /// <summary>"PID: command line" of every process in the lab's network or mount namespaces.</summary>
    public static IReadOnlyList<string> CommandLines(CriuBench.Hosts.Lab.Lab lab) =>
        NamespaceProcesses.Find(NamespaceProcesses.OfLab(lab.Layout))
            .Select(pid => (Pid: pid, CommandLine: TryRead($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Trim()))
            .Where(process => !string.IsNullOrEmpty(process.CommandLine))
            .Select(process => $"{process.Pid}: {process.CommandLine}")
            .ToList();

    /// <summary>The processes of tar streams (ConnectedTarStream): a sending script, named by its FIFO, or the tar that unpacks.</summary>
    public static IReadOnlyList<string> Streams(CriuBench.Hosts.Lab.Lab lab) =>
        CommandLines(lab).Where(line => line.Contains($"{HostPaths.Disk}/outbox/") && line.Contains(".stream")
            || line.Contains($": tar -C {HostPaths.Disk} -x")).ToList();

    private static string? TryRead(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
    }
}
