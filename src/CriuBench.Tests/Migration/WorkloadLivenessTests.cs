using System.Diagnostics;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Migration;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Migration;

/// <summary>How long the liveness watch waits on a slow host (parsing and timing only: the host is a stand-in).</summary>
[Trait("Category", "Unit")]
public class WorkloadLivenessTests
{
    /// <summary>A host whose every size read takes <paramref name="read"/>; the output grows once <paramref name="growsAfter"/> has passed.</summary>
    private sealed class SlowHost(TimeSpan read, TimeSpan growsAfter) : IHost
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        public string Name => "slow";
        public string Kind => "test";
        public SshAccess Ssh => new("root", "192.0.2.1", 22, "/dev/null");

        public async Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default)
        {
            await Task.Delay(read, cancellationToken);
            var size = clock.Elapsed > growsAfter ? "2000" : "1000";
            return new CommandResult(command, 0, size + "\n", "", DateTimeOffset.UtcNow, read);
        }

        public Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    private static RunningWorkload On(IHost host) => new(BuiltinWorkloads.TimestampPrinter(), "w", host, "1");

    [Fact]
    public async Task A_workload_on_a_host_whose_reads_take_200_ms_is_watched_for_ten_reads_not_one_second()
    {
        // A 1 ms printer is watched 1.01 s on a quick host; here it starts growing after 1.5 s.
        var host = new SlowHost(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(1500));
        Assert.True(await WorkloadLiveness.IsProgressingAsync(On(host), CancellationToken.None));
    }

    [Fact]
    public async Task Output_that_never_grows_is_not_progress_however_slow_the_host()
    {
        var host = new SlowHost(TimeSpan.FromMilliseconds(200), TimeSpan.MaxValue);
        Assert.False(await WorkloadLiveness.IsProgressingAsync(On(host), CancellationToken.None));
    }
}
