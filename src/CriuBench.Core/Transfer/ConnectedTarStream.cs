using System.Globalization;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// A tar stream from one host to another whose ssh session, and the tar that unpacks on the
/// receiving host, are up before the freeze (<see cref="OpenAsync"/>): at the seam only the packing
/// starts (<see cref="SendAsync"/>). Opening the session is ssh's start, a channel over the reused
/// connection, the remote shell and its tar: 15-20 ms in the lab, which `tar | ssh` paid inside the
/// stop window.
/// <para>
/// On the sending host workloads/host/send-tar-stream.sh (every value an argument) pipes into ssh from
/// a sender that first reads a word from a FIFO: until then the session stands ready and the remote
/// tar waits for input. "go" starts tar -c into the stream; "stop" (the migration ended before its
/// transfer) ends it with nothing sent. With pipefail, a pack that fails (tar -c, zstd) is a
/// transfer that fails, even when the receiving tar took what arrived.
/// </para>
/// <para>
/// Compressed, it is zstd -1 -T0: the fastest regular level on every core. Pages are either random
/// (no level shrinks them, so effort is wasted) or repetitive (level 1 already shrinks them ~100x),
/// and compression runs while the workload is stopped, so speed matters more than the last percent.
/// dd counts the compressed bytes, which are what crosses the link (one more pipe copy).
/// </para>
/// </summary>
internal sealed class ConnectedTarStream : IAsyncDisposable
{
    /// <summary>Prints the word <see cref="OpenAsync"/> waits for once the receiving end runs, then becomes it.</summary>
    private const string ReadyThenReceive = "echo ready && exec \"$@\"";

    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(60);

    private readonly IHost from;
    private readonly string fifo;
    private readonly bool compressed;
    private readonly CancellationTokenSource lifetime;
    private readonly Task<CommandResult> session;
    private bool started;

    private ConnectedTarStream(IHost from, string fifo, bool compressed, CancellationTokenSource lifetime, Task<CommandResult> session)
    {
        this.from = from;
        this.fifo = fifo;
        this.compressed = compressed;
        this.lifetime = lifetime;
        this.session = session;
    }

    /// <summary>
    /// Opens the stream of <paramref name="members"/> (relative to <paramref name="directory"/>) from
    /// <paramref name="from"/> into the same directory on <paramref name="to"/>, and returns once the
    /// receiving tar runs there. <paramref name="fifo"/> is a path on <paramref name="from"/> that
    /// names this stream alone.
    /// </summary>
    public static async Task<ConnectedTarStream> OpenAsync(IHost from, SshAccess to, string directory, IReadOnlyList<string> members,
        bool compressed, string fifo, CancellationToken ct)
    {
        await from.RunCheckedAsync(Command.Of("bash", "-c", """mkdir -p -- "${1%/*}" && rm -f -- "$1" && mkfifo -m 0600 -- "$1" """, "_", fifo), ct);
        var lifetime = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var session = from.RunStreamingAsync(SendingCommand(fifo, directory, members, compressed, to), stdout => WaitForReadyAsync(stdout, ready), lifetime.Token);
        var stream = new ConnectedTarStream(from, fifo, compressed, lifetime, session);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var first = await Task.WhenAny(ready.Task, session, Task.Delay(ReadyLimit, limit.Token));
            await limit.CancelAsync();
            ct.ThrowIfCancellationRequested();
            if (first == session)
            {
                var ended = await session;
                throw new InvalidOperationException($"the ssh session to {to.Target} ended before its tar was ready (exit {ended.ExitCode}): {ended.StandardError.Trim()}");
            }
            if (first != ready.Task)
                throw new TimeoutException($"the ssh session to {to.Target} was not ready within {ReadyLimit.TotalSeconds:0} s");
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// At the seam: starts the packing and waits until the receiving tar has unpacked everything.
    /// Returns the bytes that crossed the link (tar's totals, or the compressed bytes dd counted).
    /// </summary>
    public async Task<long?> SendAsync(CancellationToken ct)
    {
        started = true;
        var go = await from.RunAsync(Signal("go"), ct);
        if (!go.Succeeded)
        {
            var ended = session.IsCompleted ? $"; the ssh session had ended: {(await session).StandardError.Trim()}" : "";
            throw new InvalidOperationException($"the stream was no longer ready at the seam: {go.StandardError.Trim()}{ended}");
        }
        var result = (await session.WaitAsync(ct)).EnsureSuccess();
        return compressed ? TarStream.DdCopiedBytes(result.StandardError) : TarStream.TarTotalBytes(result.StandardError);
    }

    /// <summary>Ends the session: a stream never started is told to stop (nothing is sent); one that hangs is killed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!started && !session.IsCompleted)
        {
            try { await from.RunAsync(Signal("stop")); }
            catch (Exception e) when (e is not OperationCanceledException) { /* killed below */ }
        }
        if (await Task.WhenAny(session, Task.Delay(TimeSpan.FromSeconds(10))) != session) await lifetime.CancelAsync();
        try { await session; }
        catch (Exception) { /* killed or failed: it has ended either way, and SendAsync reported a failure that mattered */ }
        lifetime.Dispose();
        try { await from.RemoveAsync(fifo); }
        catch (Exception e) when (e is not OperationCanceledException) { /* the host's teardown removes its disk */ }
    }

    /// <summary>The sending script, as run on the sending host; public for tests of its arguments.</summary>
    public static Command SendingCommand(string fifo, string directory, IReadOnlyList<string> members, bool compressed, SshAccess to)
    {
        var receive = TarStream.Receive(directory, compressed);
        var remote = Command.Of("bash", ["-c", ReadyThenReceive, "_", receive.Program, .. receive.Arguments]);
        return HostAssets.Script("send-tar-stream.sh", [fifo, directory, to.Target, ShellQuoting.CommandLine(remote),
            compressed ? "1" : "0", to.SshOptions.Count.ToString(CultureInfo.InvariantCulture), .. to.SshOptions, .. members])
            .WithTimeout(TimeSpan.FromHours(1));
    }

    /// <summary>
    /// Writes the word without blocking: with nobody reading (the session died) the open fails at
    /// once with "No such device or address" instead of waiting forever.
    /// </summary>
    private Command Signal(string word) =>
        Command.Of("dd", $"of={fifo}", "oflag=nonblock", "status=none") with { StandardInput = word + "\n", Timeout = TimeSpan.FromSeconds(30) };

    private static async Task WaitForReadyAsync(Stream stdout, TaskCompletionSource ready)
    {
        using var reader = new StreamReader(stdout, leaveOpen: true);
        while (await reader.ReadLineAsync() is { } line)
            if (line.Trim() == "ready")
            {
                ready.TrySetResult();
                return;
            }
    }
}
