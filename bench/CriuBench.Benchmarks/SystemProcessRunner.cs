using System.Diagnostics;
using CriuBench.Execution;

namespace CriuBench.Benchmarks;

/// <summary>
/// The reference for <see cref="ProcessStartBenchmarks"/>: CriuBench's process layer before
/// CliWrap, on System.Diagnostics.Process directly, kept word for word. Nothing else may use it.
/// </summary>
public sealed class SystemProcessRunner : ICommandRunner
{
    public static SystemProcessRunner Instance { get; } = new();

    public Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default) =>
        RunCoreAsync(command, consumeOutput: null, cancellationToken);

    public Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default) =>
        RunCoreAsync(command, consumeOutput, cancellationToken);

    private static async Task<CommandResult> RunCoreAsync(Command command, Func<Stream, Task>? consumeOutput, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command.Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = command.WorkingDirectory ?? "",
        };
        foreach (var argument in command.Arguments) info.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = info };
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException($"cannot start `{command}`: {e.Message} (is {command.Program} installed? scripts/setup.sh installs it)", e);
        }
        var spawned = clock.Elapsed;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(command.Timeout);
        await using var kill = timeout.Token.Register(() => KillTree(process));

        // Reads stop when cancelled, or shortly after the process exits: a daemon it started may
        // hold its stdout open forever, and that must not hang the harness.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var stdout = consumeOutput is null
            ? ReadAllAsync(process.StandardOutput, reading.Token)
            : ConsumeAsync(process.StandardOutput.BaseStream, consumeOutput, reading.Token);
        var stderr = ReadAllAsync(process.StandardError, reading.Token);
        await WriteInputAsync(process, command.StandardInput);

        await process.WaitForExitAsync(CancellationToken.None);
        reading.CancelAfter(OutputGrace);
        var output = await stdout;
        var error = await stderr;
        clock.Stop();

        cancellationToken.ThrowIfCancellationRequested();
        if (timeout.IsCancellationRequested)
            throw new TimeoutException($"`{command}` did not finish within {command.Timeout.TotalSeconds:0} s and was killed");
        return new CommandResult(command, process.ExitCode, output, error, startedAt, clock.Elapsed) { SpawnDuration = spawned };
    }

    /// <summary>How long output may still arrive after the process exited (from children it left behind).</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(2);

    private static async Task<string> ReadAllAsync(StreamReader reader, CancellationToken ct)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, ct)) > 0) text.Append(buffer, 0, read);
        }
        catch (OperationCanceledException)
        {
            // Keep what arrived; the caller decides from the exit code.
        }
        return text.ToString();
    }

    private static async Task<string> ConsumeAsync(Stream stream, Func<Stream, Task> consume, CancellationToken ct)
    {
        try
        {
            await consume(stream).WaitAsync(ct);
            await stream.CopyToAsync(Stream.Null, ct); // drain what the consumer left, so the child never blocks
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        return "";
    }

    private static async Task WriteInputAsync(Process process, string? input)
    {
        try
        {
            if (input is not null) await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading its input; its exit code tells the story.
        }
    }

    private static void KillTree(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already exited */ }
    }
}
