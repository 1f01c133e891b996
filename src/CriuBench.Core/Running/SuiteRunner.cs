using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Lab;
using CriuBench.Logging;
using CriuBench.Measurements;
using CriuBench.Migration;
using CriuBench.Reporting;
using CriuBench.Suites;
using CriuBench.Transfer;
using CriuBench.Workloads;

namespace CriuBench.Running;

/// <summary>
/// Runs a suite on the embedded lab: for each link rate, strategy and workload, starts the
/// workload and migrates it back and forth. Every row is appended to migrations.csv as soon
/// as it exists; the lab, mounts and workloads are removed on every way out, Ctrl-C included.
/// </summary>
public sealed class SuiteRunner(ICommandRunner runner, ILog log)
{
    public async Task<RunOutcome> RunAsync(Suite suite, string resultsRoot, string commandLine, CancellationToken ct)
    {
        var runId = ResultsDirectory.NewRunId(DateTimeOffset.UtcNow, suite.Name);
        var runDirectory = ResultsDirectory.Create(resultsRoot, runId);
        var environment = await EnvironmentProbe.ReadAsync(runner, suite, "lab-netns", commandLine, ct);
        await EnvironmentCsv.WriteAsync(Path.Combine(runDirectory, RunFiles.Environment), environment, ct);
        log.Info($"run {runId}: {suite.Workloads.Count} workloads x {suite.Strategies.Count} strategies x {suite.LinkRates.Count} link rates ({string.Join(", ", suite.LinkRates)}) x {suite.Repetitions} repetitions = {suite.MigrationCount} migrations");

        var records = new List<MigrationRecord>();
        await using (var lab = await Lab.Lab.UpAsync(suite.LabName, suite.LinkRates[0], runner, log, ct))
        await using (var csv = await MigrationsCsvWriter.OpenAsync(Path.Combine(runDirectory, RunFiles.Migrations), ct))
        await using (var engines = new EngineSet(lab.Hosts, ct))
        {
            var migration = new ColdMigration(log, Path.Combine(runDirectory, "logs"));
            var counter = new ProgressCounter(suite.MigrationCount);
            foreach (var rate in suite.LinkRates)
            {
                if (rate != lab.Rate) await lab.SetRateAsync(rate, ct);
                foreach (var strategyName in suite.Strategies)
                {
                    await using var strategy = TransferStrategies.Create(strategyName);
                    await strategy.SetUpAsync(lab.Hosts, ct);
                    foreach (var spec in suite.Workloads.Where(w => w.RunsAt(rate)))
                    {
                        var cell = new Cell(runId, spec, await engines.GetAsync(spec.Engine), strategy, rate, lab.Hosts);
                        await foreach (var row in RunCellAsync(cell, suite, migration, ct))
                        {
                            records.Add(row);
                            await csv.WriteAsync(row, ct);
                            log.Info(MigrationProgress.Describe(counter.Next(), suite.MigrationCount, row));
                            if (!row.Succeeded && suite.StopOnFailure)
                                throw new InvalidOperationException($"stopping at the first failure (stop_on_failure): {row.FailureReason}");
                        }
                    }
                }
            }
        }

        await new ReportWriter(runner).WriteAsync(runDirectory, records, environment, ct);
        return new RunOutcome(runDirectory, records);
    }

    /// <summary>One workload under one strategy and rate: start it, migrate it Repetitions times back and forth, stop it.</summary>
    private async IAsyncEnumerable<MigrationRecord> RunCellAsync(Cell cell, Suite suite, ColdMigration migration,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var instance = $"{cell.Spec.Name}-{cell.Strategy.Name}-{cell.Rate.Label}".Replace('.', '_');
        var running = await cell.Engine.StartAsync(cell.Hosts[0], cell.Spec, instance, ct);
        try
        {
            await WarmUpAsync(running, ct);
            for (var repetition = 1; repetition <= suite.Repetitions; repetition++)
            {
                var destination = cell.Hosts.First(host => host != running.Host);
                var result = await migration.RunAsync(
                    new MigrationRequest(cell.RunId, repetition, running, destination, cell.Engine, cell.Strategy, cell.Rate.Label), ct);
                yield return result.Record;
                if (result.Workload is null) yield break; // lost: the row says where its images are
                running = result.Workload;
                await Task.Delay(SettleTime(cell.Spec), ct);
            }
            var whole = await WholeOutputCheck.AnalyzeAsync(running, ct);
            var verdict = $"{cell.Spec.Name} {cell.Strategy.Name} {cell.Rate}: whole output {WholeOutputCheck.Describe(whole)}";
            if (whole.IsContinuous) log.Info(verdict); else log.Warning(verdict);
        }
        finally
        {
            await cell.Engine.StopAsync(running, CancellationToken.None);
            foreach (var host in cell.Hosts)
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
                throw new InvalidOperationException($"workload {workload.Spec.Name} printed nothing within 10 s on {workload.Host.Name}; see {workload.Directory}/stderr.log there");
            await Task.Delay(20, ct);
        }
        await Task.Delay(SettleTime(workload.Spec), ct);
    }

    /// <summary>Time the workload runs between migrations: a few of its intervals.</summary>
    private static TimeSpan SettleTime(WorkloadSpec spec) =>
        TimeSpan.FromMilliseconds(Math.Max(3 * spec.Interval.TotalMilliseconds, 100));

    private sealed record Cell(string RunId, WorkloadSpec Spec, IWorkloadEngine Engine, ITransferStrategy Strategy, LinkRate Rate, IReadOnlyList<IHost> Hosts);

    private sealed class ProgressCounter(int total)
    {
        private int done;
        public int Next() => Math.Min(++done, total);
    }
}

/// <summary>Where a run's files are, and its rows.</summary>
public sealed record RunOutcome(string RunDirectory, IReadOnlyList<MigrationRecord> Records);
