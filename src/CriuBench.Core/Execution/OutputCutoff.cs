using CliWrap;

namespace CriuBench.Execution;

/// <summary>
/// Ends the reading of a process's output a grace period after the process itself exited.
/// A daemon the command started (sshd, dockerd, a <c>setsid -f</c> launcher, a lab's background
/// process) inherits stdout and stderr and may hold them open for as long as it lives; CliWrap
/// waits for both pipes to close, so the command would not finish until the daemon does.
/// The one piece of the runner that CliWrap does not do (ProcessRunnerTests shows it).
/// </summary>
internal sealed class OutputCutoff : IDisposable
{
    /// <summary>How long output may still arrive after the process exited (from children it left behind).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource cut = new();

    /// <summary>Starts the grace once <paramref name="process"/> exits; call it as the process starts.</summary>
    public void Watch(System.Diagnostics.Process process) =>
        process.WaitForExitAsync().ContinueWith(_ =>
        {
            try { cut.CancelAfter(Grace); }
            catch (ObjectDisposedException) { } // the run ended (killed or cancelled) before the grace began
        }, TaskScheduler.Default);

    /// <summary><paramref name="target"/>, whose copy ends at the cutoff and keeps what arrived until then.</summary>
    public PipeTarget Guard(PipeTarget target) => PipeTarget.Create(async (origin, cancellationToken) =>
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cut.Token);
        try
        {
            await target.CopyFromAsync(origin, either.Token);
        }
        catch (OperationCanceledException) when (cut.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A process left behind still holds the pipe: stop listening to it.
        }
    });

    public void Dispose() => cut.Dispose();
}
