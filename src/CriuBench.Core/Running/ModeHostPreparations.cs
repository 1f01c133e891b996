using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;

namespace CriuBench.Running;

/// <summary>
/// What the run's modes need on the hosts (<see cref="IMigrationMode.PrepareHostsAsync"/>), made
/// once before the first migration and undone, newest first, when the run ends in any way.
/// </summary>
internal sealed class ModeHostPreparations : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> undo = [];

    public static async Task<ModeHostPreparations> PrepareAsync(IEnumerable<IMigrationMode> modes, IReadOnlyList<IHost> hosts, ILog log, CancellationToken ct)
    {
        var preparations = new ModeHostPreparations();
        try
        {
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var mode in modes.Distinct())
            {
                // Post-copy and hybrid raise the same limit: a second raise would mistake the first's record for a crash's.
                if (mode.HostPreparation is { } preparation && !done.Add(preparation)) continue;
                preparations.undo.Add(await mode.PrepareHostsAsync(hosts, log, ct));
            }
            return preparations;
        }
        catch
        {
            await preparations.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = undo.Count - 1; i >= 0; i--) await undo[i].DisposeAsync();
        undo.Clear();
    }
}
