using System.Globalization;
using CriuBench.Logging;

namespace CriuBench.Hosts;

/// <summary>
/// Raises fs.pipe-max-size where it is too small for CRIU's lazy page server, and puts the old
/// value back when disposed (the run's end, Ctrl-C included). Root without CAP_SYS_RESOURCE may
/// not make a pipe larger than this limit; the lazy page server asks for about 3.2 MiB, ignores
/// the refusal and then splices into fd -1, so post-copy fails at the default 1 MiB (see
/// ENVIRONMENT.md). The old value is also written to <see cref="SavedFile"/> on the host's disk:
/// after a crash, the next guard on that host (or the lab's teardown) puts it back.
/// </summary>
public sealed class PipeMaxSizeGuard : IAsyncDisposable
{
    /// <summary>What post-copy needs: above the 3.2 MiB CRIU asks for, a power of two as the kernel rounds to.</summary>
    public const long Required = 4 * 1024 * 1024;

    public const string Sysctl = "/proc/sys/fs/pipe-max-size";

    /// <summary>The value to put back, kept on the host's own disk while it is raised.</summary>
    public const string SavedFileName = "pipe-max-size.saved";
    public const string SavedFile = HostPaths.Disk + "/" + SavedFileName;

    private readonly List<(IHost Host, long Old)> raised = [];
    private readonly ILog log;

    private PipeMaxSizeGuard(ILog log) => this.log = log;

    public static async Task<PipeMaxSizeGuard> RaiseAsync(IReadOnlyList<IHost> hosts, ILog log, CancellationToken ct)
    {
        var guard = new PipeMaxSizeGuard(log);
        try
        {
            foreach (var host in hosts) await guard.RaiseAsync(host, ct);
            return guard;
        }
        catch
        {
            await guard.DisposeAsync();
            throw;
        }
    }

    /// <summary>The host's limit now, in bytes; null where it cannot be read.</summary>
    public static async Task<long?> ReadAsync(IHost host, CancellationToken ct) =>
        Parse(await host.TryReadTextAsync(Sysctl, ct));

    private async Task RaiseAsync(IHost host, CancellationToken ct)
    {
        await PutBackAfterCrashAsync(host, ct);
        var current = await ReadAsync(host, ct)
            ?? throw new InvalidOperationException($"cannot read {Sysctl} on {host.Name}: post-copy needs fs.pipe-max-size of at least {Required}");
        // Hosts on one machine share the kernel: the first raise is the only one, and the only one put back.
        if (current >= Required) return;
        await host.WriteTextAsync(SavedFile, current.ToString(CultureInfo.InvariantCulture), ct);
        await WriteAsync(host, Required, ct);
        raised.Add((host, current));
        log.Info($"fs.pipe-max-size on {host.Name} raised from {current} to {Required} for post-copy (CRIU's lazy page server needs a pipe above 1 MiB); " +
                 $"it is put back at the end, and {SavedFile} on {host.Name} keeps {current} so that the next start puts it back after a crash");
    }

    /// <summary>A crashed run left the limit raised and said so: put its old value back first (it is the host's real setting).</summary>
    private async Task PutBackAfterCrashAsync(IHost host, CancellationToken ct)
    {
        if (Parse(await host.TryReadTextAsync(SavedFile, ct)) is not { } old) return;
        await WriteAsync(host, old, ct);
        await host.RemoveAsync(SavedFile, ct);
        log.Warning($"fs.pipe-max-size on {host.Name}: put back to {old}, which an earlier run had raised and not restored ({SavedFile})");
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = raised.Count - 1; i >= 0; i--)
        {
            var (host, old) = raised[i];
            try
            {
                await WriteAsync(host, old, CancellationToken.None);
                await host.RemoveAsync(SavedFile, CancellationToken.None);
                log.Info($"fs.pipe-max-size on {host.Name} put back to {old}");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.Warning($"could not put fs.pipe-max-size on {host.Name} back to {old} ({e.Message}): run `sysctl -w fs.pipe-max-size={old}` there; {SavedFile} still holds it");
            }
        }
        raised.Clear();
    }

    private static Task WriteAsync(IHost host, long value, CancellationToken ct) =>
        host.WriteTextAsync(Sysctl, value.ToString(CultureInfo.InvariantCulture), ct);

    internal static long? Parse(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
