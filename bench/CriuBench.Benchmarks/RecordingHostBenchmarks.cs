using BenchmarkDotNet.Attributes;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Timeline;

namespace CriuBench.Benchmarks;

/// <summary>
/// What recording a command on the timeline costs the stop window: a host whose commands return at
/// once, bare and wrapped in <see cref="RecordingHost"/>; the difference is the recording.
/// </summary>
[MemoryDiagnoser]
public class RecordingHostBenchmarks
{
    private static readonly Command Dump = Command.Of("criu", "dump", "--tree", "42", "--images-dir", "/var/lib/criubench/host/images/m");
    private IHost bare = null!;
    private IHost recording = null!;
    private MigrationTimeline timeline = null!;

    [GlobalSetup]
    public void SetUp()
    {
        bare = new InstantHost();
        timeline = new MigrationTimeline(new RunClock());
        recording = new RecordingHost(bare, timeline);
    }

    [Benchmark(Baseline = true)]
    public Task<CommandResult> Bare() => bare.RunAsync(Dump);

    [Benchmark]
    public Task<CommandResult> Recorded() => recording.RunAsync(Dump);

    /// <summary>Answers every command at once, as a process that took 1 ms to start.</summary>
    private sealed class InstantHost : IHost
    {
        private static readonly SshAccess Access = new("root", "198.18.0.1", 22, "/k");
        public string Name => "src";
        public string Kind => "bench";
        public SshAccess Ssh => Access;

        public Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default) =>
            Task.FromResult(new CommandResult(command, 0, "", "", DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(3)) { SpawnDuration = TimeSpan.FromMilliseconds(1) });

        public Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default) =>
            RunAsync(command, cancellationToken);
    }
}
