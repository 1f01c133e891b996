using System.Diagnostics;

namespace CriuBench.Execution;

/// <summary>Runs commands as child processes with <see cref="ProcessStartInfo.ArgumentList"/>.</summary>
public sealed class ProcessRunner : ICommandRunner
{
    public static ProcessRunner Instance { get; } = new();

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

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(command.Timeout);
        await using var kill = timeout.Token.Register(() => KillTree(process));

        var stdout = consumeOutput is null
            ? process.StandardOutput.ReadToEndAsync(CancellationToken.None)
            : ConsumeAsync(process.StandardOutput.BaseStream, consumeOutput);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await WriteInputAsync(process, command.StandardInput);

        await process.WaitForExitAsync(CancellationToken.None);
        var output = await stdout;
        var error = await stderr;
        clock.Stop();

        cancellationToken.ThrowIfCancellationRequested();
        if (timeout.IsCancellationRequested)
            throw new TimeoutException($"`{command}` did not finish within {command.Timeout.TotalSeconds:0} s and was killed");
        return new CommandResult(command, process.ExitCode, output, error, startedAt, clock.Elapsed);
    }

    private static async Task<string> ConsumeAsync(Stream stream, Func<Stream, Task> consume)
    {
        await consume(stream);
        await stream.CopyToAsync(Stream.Null); // drain what the consumer left, so the child never blocks
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
