using CriuBench.Execution;

namespace CriuBench.Tests.Support;

/// <summary>
/// A process running while a test looks at it (a stand-in page server, daemon or CRIU), started
/// through the harness's runner; its PID is what it wrote to <see cref="PidFile"/>, as daemons do.
/// Disposing ends it if it still runs.
/// </summary>
internal sealed class BackgroundProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource lifetime;
    private readonly Task<CommandResult> run;

    private BackgroundProcess(string pidFile, CancellationTokenSource lifetime, Task<CommandResult> run, int pid)
    {
        PidFile = pidFile;
        this.lifetime = lifetime;
        this.run = run;
        Pid = pid;
    }

    public string PidFile { get; }
    public int Pid { get; }

    /// <summary>Runs <paramref name="program"/> under argv[0] <paramref name="name"/> (bash's exec -a), having written its PID first.</summary>
    public static async Task<BackgroundProcess> StartAsync(string pidFile, string name, string program, params string[] arguments)
    {
        var lifetime = new CancellationTokenSource();
        var run = ProcessRunner.Instance.RunAsync(Command.Of("bash", ["-c", "echo $$ > \"$0\"; name=$1; shift; exec -a \"$name\" \"$@\"", pidFile, name, program, .. arguments])
            with { Timeout = TimeSpan.FromMinutes(2) }, lifetime.Token);
        for (var i = 0; i < 500 && !run.IsCompleted; i++)
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && File.Exists($"/proc/{pid}/cmdline")
                && File.ReadAllText($"/proc/{pid}/cmdline").StartsWith(name + "\0", StringComparison.Ordinal))
                return new BackgroundProcess(pidFile, lifetime, run, pid);
            await Task.Delay(10);
        }
        await lifetime.CancelAsync();
        throw new InvalidOperationException($"{program} did not start: {(run.IsCompleted ? (await run).StandardError : "no PID file")}");
    }

    /// <summary>Whether the process still runs (a zombie does not count), after waiting up to <paramref name="settle"/> for it to end.</summary>
    public async Task<bool> RunsAsync(TimeSpan settle = default)
    {
        var until = DateTime.UtcNow + settle;
        do
        {
            if (run.IsCompleted) return false;
            await Task.Delay(10);
        } while (DateTime.UtcNow < until);
        return !run.IsCompleted;
    }

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        try { await run; }
        catch (OperationCanceledException) { }
        lifetime.Dispose();
    }
}
