using CriuBench.Execution;
using CriuBench.Reporting;
using CriuBench.Suites;

namespace CriuBench.Running;

/// <summary>Reads what a report must state about where it was measured.</summary>
public static class EnvironmentProbe
{
    public static async Task<RunEnvironment> ReadAsync(ICommandRunner runner, Suite suite, string hostKind, string commandLine, CancellationToken ct)
    {
        return new RunEnvironment(
            Kernel: (await FirstLineAsync(runner, Command.Of("uname", "-r"), ct)) ?? "unknown",
            CriuVersion: (await FirstLineAsync(runner, Command.Of("criu", "--version"), ct))?.Replace("Version: ", "") ?? "not installed",
            RuncVersion: (await FirstLineAsync(runner, Command.Of("runc", "--version"), ct))?.Replace("runc version ", ""),
            HostKind: hostKind,
            LinkRates: suite.LinkRates.Select(rate => rate.Label).ToList(),
            Cores: Environment.ProcessorCount,
            MemoryGiB: Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30), 1),
            StartedAt: DateTimeOffset.UtcNow,
            DotnetVersion: Environment.Version.ToString(),
            CommandLine: commandLine);
    }

    private static async Task<string?> FirstLineAsync(ICommandRunner runner, Command command, CancellationToken ct)
    {
        try
        {
            var result = await runner.RunAsync(command, ct);
            return result.Succeeded ? result.StandardOutput.Split('\n')[0].Trim() : null;
        }
        catch (InvalidOperationException)
        {
            return null; // not installed
        }
    }
}
