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

    public static async Task<ModeHostPreparations> PrepareAsync(IEnumerable<string> modes, IReadOnlyList<IHost> hosts, ILog log, CancellationToken ct)
    {
        var preparations = new ModeHostPreparations();
        try
        {
            foreach (var mode in modes.Distinct())
                preparations.undo.Add(await MigrationModes.Create(mode).PrepareHostsAsync(hosts, log, ct));
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
