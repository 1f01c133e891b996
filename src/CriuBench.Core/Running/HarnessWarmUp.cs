using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Timeline;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Running;

/// <summary>
/// One cold migration of a throwaway shell counter from the first host to the second, before the
/// run's first cell and with its first strategy, written to no CSV (trace.json shows it, as
/// "warm-up"). Without it the first measured migration of every run paid for .NET's first use of
/// the stop window's code (type loading, precompiled code's fixups): 9-10 ms of harness time
/// inside its window, against 0.6-1.1 ms from the second migration on (trace.json, idle netns
/// lab). It also opens the hosts' ssh connections and reads CRIU and the tools into the page cache
/// on both hosts, as the second migration finds them. A failure costs only a warning.
/// </summary>
internal sealed class HarnessWarmUp(ILog log, MigrationTimeline timeline)
{
    public const string Instance = "warm-up";

    private bool done;

    public async Task RunOnceAsync(IHostSet hosts, ITransferStrategy strategy, string linkRate, CancellationToken ct)
    {
        if (done) return;
        done = true;
        var engine = new ProcessEngine();
        RunningWorkload? running = null;
        try
        {
            running = await engine.StartAsync(hosts.Hosts[0], BuiltinWorkloads.ShellCounter(), Instance, ct);
            await SuiteRunner.WaitForFirstLinesAsync(running, ct);
            var result = await new MigrationDriver(NullLog.Instance, timeline: timeline).RunAsync(
                new MigrationRequest(Instance, 1, running, hosts.Hosts[1], engine, strategy, linkRate), ct);
            if (result.Record.Succeeded)
                log.Info($"warm-up: a throwaway counter migrated {hosts.Hosts[0].Name} -> {hosts.Hosts[1].Name} with {strategy.Name}, "
                    + $"stop {result.Record.StopTimeMs:0.0} ms (in no CSV; on the trace as {Instance})");
            else
                log.Warning($"the warm-up migration ({strategy.Name}) failed, the first measured one may pay for it: {result.Record.FailureReason}");
            running = result.Workload;
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            log.Warning($"the warm-up migration ({strategy.Name}) failed, the first measured one may pay for it: {e.Message}");
        }
        finally
        {
            await WorkloadCleanup.StopAndRemoveAsync(engine, running, Instance, hosts.Hosts, "the warm-up counter", log);
        }
    }
}
