using CriuBench.Criu;
using CriuBench.Transfer;

namespace CriuBench.Tests.Faults;

/// <summary>
/// A real strategy with a fault injected into its transfer: <see cref="During"/> runs beside the
/// real transfer (e.g. takes the link down once a copy runs), <see cref="After"/> once it is done
/// (e.g. removes a file on the destination). Everything else, the page server's way back included,
/// is the real strategy's.
/// </summary>
internal sealed class FaultyTransfer(ITransferStrategy inner) : ITransferStrategy
{
    public string Name => inner.Name;

    public Func<TransferRequest, IMigrationTransfer, CancellationToken, Task>? During { get; init; }
    public Func<TransferRequest, IMigrationTransfer, Task>? After { get; init; }

    public Task SetUpAsync(IReadOnlyList<CriuBench.Hosts.IHost> hosts, CancellationToken ct) => inner.SetUpAsync(hosts, ct);

    public async Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct) =>
        new Session(await inner.PrepareAsync(request, ct), request, this);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private sealed class Session(IMigrationTransfer session, TransferRequest request, FaultyTransfer owner) : IMigrationTransfer
    {
        public string DumpDirectory => session.DumpDirectory;
        public string RestoreDirectory => session.RestoreDirectory;
        public IReadOnlyList<CriuOption> DumpArguments => session.DumpArguments;

        public async Task<TransferOutcome> TransferAsync(CancellationToken ct)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var during = owner.During?.Invoke(request, session, stop.Token) ?? Task.CompletedTask;
            try
            {
                var outcome = await session.TransferAsync(ct);
                if (owner.After is { } after) await after(request, session);
                return outcome;
            }
            finally
            {
                await stop.CancelAsync();
                try { await during; } catch (OperationCanceledException) { }
            }
        }

        public Task<string> ImagesForSourceRestoreAsync(CancellationToken ct) => session.ImagesForSourceRestoreAsync(ct);

        public ValueTask DisposeAsync() => session.DisposeAsync();
    }
}
