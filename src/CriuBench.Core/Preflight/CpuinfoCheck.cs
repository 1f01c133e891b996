using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Preflight;

/// <summary>
/// `criu cpuinfo dump` on one host, `criu cpuinfo check` of that file on the other: a restore on a
/// CPU that lacks features the source's has fails (or crashes the workload later), so this is
/// asked in both directions before the first dump.
/// </summary>
public static class CpuinfoCheck
{
    private const string Directory = HostPaths.Disk + "/preflight/cpuinfo";
    private const string ImageFile = "cpuinfo.img";

    /// <summary>Null when <paramref name="to"/> can restore what <paramref name="from"/> dumps; otherwise CRIU's complaint and what to do.</summary>
    public static async Task<string?> ProblemAsync(IHost from, IHost to, CancellationToken ct)
    {
        try
        {
            await from.RemoveAsync(Directory, ct);
            await from.MakeDirectoryAsync(Directory, ct);
            var dump = await from.RunAsync(Command.Of("criu", "cpuinfo", "dump", "-D", Directory), ct);
            if (!dump.Succeeded) return $"`criu cpuinfo dump` fails on {from.Name}: {Tail(dump)}";
            var image = await from.TryReadBytesAsync($"{Directory}/{ImageFile}", ct)
                ?? throw new InvalidOperationException($"`criu cpuinfo dump` on {from.Name} wrote no {ImageFile}");

            await to.RemoveAsync(Directory, ct);
            await to.ExtractFileAsync(image, Directory, ImageFile, ct);
            var check = await to.RunAsync(Command.Of("criu", "cpuinfo", "check", "-D", Directory), ct);
            return check.Succeeded ? null
                : $"{to.Name}'s CPU cannot run what is dumped on {from.Name} (`criu cpuinfo check` there: {Tail(check)}): "
                  + $"migrate between machines with the same CPU features (for VMs, give both the same CPU model, e.g. qemu -cpu with one named model)";
        }
        finally
        {
            await from.RemoveAsync(HostPaths.Disk + "/preflight", CancellationToken.None);
            await to.RemoveAsync(HostPaths.Disk + "/preflight", CancellationToken.None);
        }
    }

    private static string Tail(CommandResult result) =>
        string.Join("; ", (result.StandardError + result.StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.Contains("RLIMIT_NOFILE", StringComparison.Ordinal)).TakeLast(3));
}
