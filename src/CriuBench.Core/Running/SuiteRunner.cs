using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Lab;
using CriuBench.Logging;
using CriuBench.Measurements;
using CriuBench.Migration;
using CriuBench.Preflight;
using CriuBench.Reporting;
using CriuBench.Suites;
using CriuBench.Timeline;
using CriuBench.Transfer;
using CriuBench.Workloads;

namespace CriuBench.Running;

/// <summary>
/// Runs a suite: brings its hosts up (the provider the suite names), probes them, plans which
/// cells they can do, then for each link rate, strategy, mode and workload starts the workload
/// and migrates it back and forth. Every row is appended to migrations.csv as soon as it exists;
/// the hosts, mounts and workloads are removed on every way out, Ctrl-C included.
/// </summary>
public sealed class SuiteRunner(ICommandRunner runner, ILog log)
{
    public async Task<RunOutcome> RunAsync(Suite suite, string resultsRoot, string commandLine, CancellationToken ct)
    {
        var provider = HostProviders.Create(new HostsChoice(suite.Hosts, suite.LabName, runner));
        var clock = new RunClock();
        var timeline = new MigrationTimeline(clock);
        var records = new List<MigrationRecord>();
        string runDirectory;
        RunEnvironment environment;
        await using (var hostSet = await provider.UpAsync(suite.LinkRates[0], log, ct))
        {
            var features = new List<HostFeatures>();
            foreach (var host in hostSet.Hosts) features.Add(await HostProbe.ProbeAsync(host, ct));
            var plan = RunPlan.Build(suite, features, hostSet.CanShapeLink);
            foreach (var refused in plan.Refused)
                log.Warning($"not supported: {refused.Workload} ({refused.Engine}) {refused.Mode} with {refused.Strategy} at {refused.LinkRate}: {refused.Reason}");
            if (plan.Cells.Count == 0)
                throw new SuiteException($"nothing in suite '{suite.Name}' can run on these hosts ({hostSet.Kind}): see the reasons above");
            if (!hostSet.CanShapeLink)
                log.Info($"the {hostSet.Kind} link cannot be shaped: every cell runs at its own speed, labelled '{LinkRate.Unshaped}'");

            var runId = ResultsDirectory.NewRunId(DateTimeOffset.UtcNow, suite.Name);
            runDirectory = ResultsDirectory.Create(resultsRoot, runId);
            environment = EnvironmentProbe.Describe(hostSet.Kind, features, plan.Rates, commandLine);
            await EnvironmentCsv.WriteAsync(Path.Combine(runDirectory, RunFiles.Environment), environment, ct);
            await RefusalsCsv.WriteAsync(Path.Combine(runDirectory, RunFiles.Refusals), plan.Refused, ct);
            var total = plan.MigrationCount(suite.Repetitions);
            log.Info($"run {runId} on {hostSet.Kind}: {plan.Cells.Count} cells x {suite.Repetitions} repetitions = {total} migrations");

            await using var csv = await MigrationsCsvWriter.OpenAsync(Path.Combine(runDirectory, RunFiles.Migrations), ct);
            await using var engines = new EngineSet(hostSet.Hosts, ct);
            var driver = new MigrationDriver(log, Path.Combine(runDirectory, "logs"), timeline, suite.KeepLogs);
            var counter = new ProgressCounter(total);
            foreach (var rateCells in plan.Cells.GroupBy(cell => cell.Rate))
            {
                if (hostSet.CanShapeLink && rateCells.Key != hostSet.Rate) await hostSet.SetRateAsync(rateCells.Key, ct);
                foreach (var strategyCells in rateCells.GroupBy(cell => cell.Strategy))
                {
                    await using var strategy = TransferStrategies.Create(strategyCells.Key);
                    await strategy.SetUpAsync(hostSet.Hosts, ct);
                    foreach (var planned in strategyCells)
                    {
                        var cell = new Cell(runId, planned, await engines.GetAsync(planned.Spec.Engine), strategy,
                            MigrationModes.Create(planned.Mode), hostSet);
                        await foreach (var row in RunCellAsync(cell, suite, driver, ct))
                        {
                            records.Add(row);
                            await csv.WriteAsync(row, ct);
                            log.Info(MigrationProgress.Describe(counter.Next(), total, row));
                            if (!row.Succeeded && suite.StopOnFailure)
                                throw new InvalidOperationException($"stopping at the first failure (stop_on_failure): {row.FailureReason}");
                        }
                    }
                }
            }
        }

        await new ReportWriter(runner).WriteAsync(runDirectory, records, environment, ct);
        await TraceFile.WriteAsync(Path.Combine(runDirectory, RunFiles.Trace), timeline.Spans, ct);
        return new RunOutcome(runDirectory, records);
    }

    /// <summary>One cell: start the workload, migrate it Repetitions times back and forth, stop it.</summary>
    private async IAsyncEnumerable<MigrationRecord> RunCellAsync(Cell cell, Suite suite, MigrationDriver driver,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var planned = cell.Planned;
        var instance = $"{planned.Spec.Name}-{planned.Mode}-{planned.Strategy}-{planned.Rate.Label}".Replace('.', '_');
        var hosts = cell.HostSet.Hosts;
        var running = await cell.Engine.StartAsync(hosts[0], planned.Spec, instance, ct);
        try
        {
            await WarmUpAsync(running, ct);
            for (var repetition = 1; repetition <= suite.Repetitions; repetition++)
            {
                var destination = hosts.First(host => host != running.Host);
                var request = new MigrationRequest(cell.RunId, repetition, running, destination, cell.Engine, cell.Strategy, planned.Rate.Label)
                {
                    Mode = cell.Mode,
                    HostKind = cell.HostSet.Kind,
                };
                var result = await driver.RunAsync(request, ct);
                yield return result.Record;
                if (result.Workload is null) yield break; // lost: the row says where its images are
                running = result.Workload;
                await Task.Delay(SettleTime(planned.Spec), ct);
            }
            var whole = await WholeOutputCheck.AnalyzeAsync(running, ct);
            var verdict = $"{planned.Spec.Name} {planned.Mode} {planned.Strategy} {planned.Rate}: whole output {WholeOutputCheck.Describe(whole)}";
            if (whole.IsContinuous) log.Info(verdict); else log.Warning(verdict);
        }
        finally
        {
            await cell.Engine.StopAsync(running, CancellationToken.None);
            foreach (var host in hosts)
                await host.RemoveAsync(HostPaths.WorkloadDirectory(instance), CancellationToken.None);
        }
    }

    /// <summary>Waits until the workload has printed a few lines, so the first seam has lines before it.</summary>
    private static async Task WarmUpAsync(RunningWorkload workload, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10) + 10 * workload.Spec.Interval;
        while ((await workload.Host.FileSizeAsync(workload.OutputFile, ct) ?? 0) == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                var errors = await workload.Host.TryReadTextAsync($"{workload.Directory}/stderr.log", ct);
                throw new InvalidOperationException($"workload {workload.Spec.Name} printed nothing within 10 s on {workload.Host.Name}"
                    + (string.IsNullOrWhiteSpace(errors) ? "" : $"; its stderr: {errors.Trim()}"));
            }
            await Task.Delay(20, ct);
        }
        await Task.Delay(SettleTime(workload.Spec), ct);
    }

    /// <summary>Time the workload runs between migrations: a few of its intervals.</summary>
    private static TimeSpan SettleTime(WorkloadSpec spec) =>
        TimeSpan.FromMilliseconds(Math.Max(3 * spec.Interval.TotalMilliseconds, 100));

    private sealed record Cell(string RunId, PlannedCell Planned, IWorkloadEngine Engine, ITransferStrategy Strategy, IMigrationMode Mode, IHostSet HostSet);

    private sealed class ProgressCounter(int total)
    {
        private int done;
        public int Next() => Math.Min(++done, total);
    }
}

/// <summary>Where a run's files are, and its rows.</summary>
public sealed record RunOutcome(string RunDirectory, IReadOnlyList<MigrationRecord> Records);
