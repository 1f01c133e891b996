using BenchmarkDotNet.Attributes;
using CliWrap;
using CliWrap.Buffered;
using CriuBench.Execution;
using Command = CriuBench.Execution.Command;
using CommandResult = CriuBench.Execution.CommandResult;

namespace CriuBench.Benchmarks;

/// <summary>
/// What one command costs the stop window (a migration runs a few inside it): /bin/true through
/// the process layer before CliWrap (the baseline), through <see cref="ProcessRunner"/> (CliWrap
/// with its output cutoff), and through bare CliWrap, whose difference to the runner is our layer.
/// </summary>
[MemoryDiagnoser]
public class ProcessStartBenchmarks
{
    private static readonly Command True = Command.Of("/bin/true");

    [Benchmark(Baseline = true)]
    public Task<CommandResult> SystemDiagnosticsProcess() => SystemProcessRunner.Instance.RunAsync(True);

    [Benchmark]
    public Task<CommandResult> CliWrapRunner() => ProcessRunner.Instance.RunAsync(True);

    [Benchmark]
    public async Task<int> BareCliWrap() =>
        (await CliWrap.Cli.Wrap("/bin/true").WithValidation(CommandResultValidation.None).ExecuteBufferedAsync()).ExitCode;
}
