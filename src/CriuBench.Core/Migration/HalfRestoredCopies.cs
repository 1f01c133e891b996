using CriuBench.Hosts;

namespace CriuBench.Migration;

/// <summary>
/// What a failed restore left running on its host: a `criu restore` killed midway leaves the
/// restored tree behind, however far it got (the init of its own PID namespace, all signals
/// blocked, holding the workload's files open), and nothing else ever stops it. It is found by
/// the directories it holds (workloads/host/stop-restored.sh) and stopped before the fallback.
/// </summary>
public static class HalfRestoredCopies
{
    /// <summary>The phrase a row carries when one was stopped.</summary>
    public static string Stopped(string host) => $"a half-restored copy on {host} was stopped";

    /// <summary>
    /// Stops every process on <paramref name="host"/> that a restore from these directories left
    /// (the restored tree, a criu still at work); returns what it stopped.
    /// </summary>
    public static async Task<Leftovers> StopAsync(IHost host, IEnumerable<string?> directories, CancellationToken ct)
    {
        var paths = directories.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var result = await host.RunAsync(HostAssets.Script("stop-restored.sh", paths).WithTimeout(TimeSpan.FromSeconds(30)), ct);
        if (!result.Succeeded)
            throw new InvalidOperationException($"stopping what the failed restore left on {host.Name} failed ({result.ExitCode}): {result.StandardError.Trim()}");
        return Leftovers.Parse(result.StandardOutput);
    }

    /// <summary>What was stopped: the restored trees' inits ("PID COMMAND") and criu processes (PIDs).</summary>
    public sealed record Leftovers(IReadOnlyList<string> Trees, IReadOnlyList<string> Criu)
    {
        public bool IsEmpty => Trees.Count == 0 && Criu.Count == 0;

        /// <summary>The script's lines: "tree PID COMMAND", "criu PID".</summary>
        public static Leftovers Parse(string output)
        {
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new([.. lines.Where(line => line.StartsWith("tree ", StringComparison.Ordinal)).Select(line => line[5..])],
                [.. lines.Where(line => line.StartsWith("criu ", StringComparison.Ordinal)).Select(line => line[5..])]);
        }

        public override string ToString() =>
            string.Join(", ", Trees.Select(tree => $"restored tree {tree}").Concat(Criu.Select(pid => $"criu {pid}")));
    }
}
