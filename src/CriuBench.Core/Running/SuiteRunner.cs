using CriuBench.Archive;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Measurements;
using CriuBench.Migration;
using CriuBench.Preflight;
using CriuBench.Reporting;
using CriuBench.Suites;
using CriuBench.Timeline;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;
using CriuBench.Hosts.Kinds;
using CriuBench.Reporting.Writing;

namespace CriuBench.Running;

/// <summary>
/// Runs a suite: brings its hosts up (the provider the suite names), probes them, plans which
/// cells they can do, then for each link rate, strategy, mode and workload starts the workload
/// and migrates it back and forth. Every row is appended to migrations.csv as soon as it exists;
/// the hosts, mounts and workloads are removed on every way out, Ctrl-C included.
/// </summary>
public sealed class SuiteRunner(ICommandRunner runner, ILog log)
{
    /// <summary>The run's directory once made, for the outputs kept on the way out.</summary>
    private string? outputsRoot;

    /// <summary>Cells whose whole output did not hold: a failure of the run even when every row succeeded.</summary>
    private readonly List<string> outputProblems = [];

    public async Task<RunOutcome> RunAsync(Suite suite, string resultsRoot, string commandLine, CancellationToken ct)
    {
        var provider = HostProviders.Create(new HostsChoice(suite.Hosts, suite.LabName, runner));
        if (suite.CriuBuild is { } criuBuild && CriuBuildSelection.Refusal(provider, criuBuild) is { } refusal) throw new SuiteException(refusal);
        var clock = new RunClock();
        var timeline = new MigrationTimeline(clock);
        IReadOnlyList<MigrationRecord> records = [];
        string runDirectory;
        RunEnvironment environment;
        // Every command the hosts run lands on the timeline (trace.json).
        await using (var hostSet = new RecordingHostSet(await provider.UpAsync(suite.LinkRates[0], log, ct), timeline))
        {
            if (suite.CriuBuild is { } build) await CriuBuildSelection.ApplyAsync(hostSet.Hosts, build, ct);
            var features = new List<HostFeatures>();
            foreach (var host in hostSet.Hosts) features.Add(await HostProbe.ProbeAsync(host, ct));
            if (suite.CriuBuild is { } probed) CriuBuildSelection.CheckVersions(features, probed);
            var plan = RunPlan.Build(suite, features, hostSet.CanShapeLink, hostSet.ServicesMissing);
            foreach (var line in RefusalLines(plan.Refused))
                log.Warning(line);
            if (plan.Cells.Count == 0)
                throw new SuiteException($"nothing in suite '{suite.Name}' can run on these hosts ({hostSet.Kind}): see the reasons above");
            await HostPairPreflight.RunAsync(hostSet.Hosts, features, ct);
            StopWindowWarmUp.Run();
            log.Info($"preflight: {string.Join(" and ", features.Select(f => f.Host))} pass criu check, run CRIU {features[0].CriuVersion} and can restore each other's CPU state");
            if (!hostSet.CanShapeLink)
                log.Info($"the {hostSet.Kind} link cannot be shaped: every cell runs at its own speed, labelled '{LinkRate.Unshaped}'");

            var runId = ResultsDirectory.NewRunId(DateTimeOffset.UtcNow, suite.Name);
            runDirectory = ResultsDirectory.Create(resultsRoot, runId);
            outputsRoot = runDirectory;
            environment = EnvironmentProbe.Describe(hostSet.Kind, features, plan.Rates, commandLine) with
            {
                CriuBuild = suite.CriuBuild?.Path ?? CriuBuild.DefaultPath,
                Suite = suite.Name,
                SuiteCells = plan.SuiteCells,
                Shard = plan.Shard.IsWhole ? null : plan.Shard.ToString(),
            };
            await EnvironmentCsv.WriteAsync(Path.Combine(runDirectory, RunFiles.Environment), environment, ct);
            await RefusalsCsv.WriteAsync(Path.Combine(runDirectory, RunFiles.Refusals), plan.Refused, ct);
            var total = plan.MigrationCount(suite.Repetitions);
            log.Info($"run {runId} on {hostSet.Kind}: {plan.Cells.Count} cells x {suite.Repetitions} repetitions = {total} migrations"
                + (plan.Shard.IsWhole ? "" : $" (shard {plan.Shard} of the suite's cells)"));

            await using var csv = await MigrationsCsvWriter.OpenAsync(Path.Combine(runDirectory, RunFiles.Migrations), ct);
            await using var iterations = await IterationsCsvWriter.OpenAsync(Path.Combine(runDirectory, RunFiles.Iterations), ct);
            await using var clientTimeline = new ClientTimelineCsvWriter(Path.Combine(runDirectory, RunFiles.ClientTimeline));
            await using var modeHosts = await ModeHostPreparations.PrepareAsync(plan.Cells.Select(cell => cell.Mode).Distinct(), hostSet.Hosts, log, ct);
            await using var engines = new EngineSet(hostSet.Hosts, ct);
            var driver = new MigrationDriver(log, Path.Combine(runDirectory, "logs"), timeline, suite.KeepLogs, iterations, clientTimeline);
            var runRows = new RunRows(csv, log, total);
            records = runRows.Records;
            var warmUp = new HarnessWarmUp(log, timeline);
            foreach (var rateCells in plan.Cells.GroupBy(cell => cell.Rate))
            {
                if (hostSet.CanShapeLink && rateCells.Key != hostSet.Rate) await hostSet.SetRateAsync(rateCells.Key, ct);
                foreach (var strategyCells in rateCells.GroupBy(cell => cell.Strategy))
                {
                    // One instance per link rate: set up on the hosts for its cells and disposed (unmounted...) after them.
                    await using var strategy = strategyCells.Key.Create(log);
                    var setUpProblem = await SetUpAsync(strategy, hostSet.Hosts, ct);
                    if (setUpProblem is null) await warmUp.RunOnceAsync(hostSet, strategy, rateCells.Key.Label, ct);
                    foreach (var planned in strategyCells)
                    {
                        var cell = new Cell(runId, planned, await engines.PrepareAsync(planned.Engine), strategy, planned.Mode, hostSet);
                        var rows = setUpProblem is null
                            ? RunCellAsync(cell, suite, driver, ct)
                            : new[] { NotStartedRow(cell, cell.Planned.Spec.Name, setUpProblem) }.ToAsyncEnumerable();
                        await foreach (var made in rows)
                        {
                            // Every row says which CRIU made it, so runs of different builds can be told apart.
                            var row = made with { CriuVersion = environment.CriuVersion, Cell = planned.Index };
                            await runRows.AddAsync(row, ct);
                            if (!row.Succeeded && suite.StopOnFailure)
                                throw new InvalidOperationException($"stopping at the first failure (stop_on_failure): {row.FailureReason}");
                        }
                    }
                }
            }
        }

        await new ReportWriter().WriteAsync(runDirectory, records, environment, ct);
        await TraceFile.WriteAsync(Path.Combine(runDirectory, RunFiles.Trace), timeline.Spans, TraceMigrations.From(records), ct);
        return new RunOutcome(runDirectory, records) { OutputProblems = outputProblems };
    }

    /// <summary>
    /// Sets the strategy up on the hosts (e.g. mounts a shared filesystem); a failure ends only
    /// its cells, each with a row that says why, and the run goes on with the other strategies.
    /// </summary>
    private async Task<string?> SetUpAsync(ITransferStrategy strategy, IReadOnlyList<IHost> hosts, CancellationToken ct)
    {
        try
        {
            await strategy.SetUpAsync(hosts, ct);
            return null;
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            log.Warning($"the {strategy.Name} strategy could not be set up, so its cells do not run: {e.Message}");
            return $"the {strategy.Name} strategy could not be set up on these hosts: {e.Message}";
        }
    }

    /// <summary>
    /// One cell: start the workload, migrate it Repetitions times back and forth, stop it. A
    /// workload that does not start is the cell's one row; a lost one ends the cell; whatever
    /// fails after the rows (the whole-output check, stopping, removing files) is a warning, and
    /// the workload (what is left of it, if lost) is stopped on every way out.
    /// </summary>
    private async IAsyncEnumerable<MigrationRecord> RunCellAsync(Cell cell, Suite suite, MigrationDriver driver,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var planned = cell.Planned;
        var instance = TraceMigrations.InstanceName(planned.Spec.Name, planned.Mode.Name, planned.Strategy.Name, planned.Rate.Label);
        var hosts = cell.HostSet.Hosts;
        var (running, notStarted) = await StartAsync(cell, instance, ct);
        if (running is null)
        {
            yield return NotStartedRow(cell, instance, notStarted!);
            yield break;
        }
        // Once it prints it runs its own program (launch.sh's shells have exec'd), so its maps are its own.
        // Files that differ between the hosts end this cell only: the other workloads may still move.
        if (await RefusedByPreflightAsync(cell, running, ct) is { } refused)
        {
            yield return refused;
            yield break;
        }
        var lost = false;
        var migrating = false;
        var seams = new List<OutputSeam>();
        try
        {
            // Its lines must fit the format the suite declared before anything is measured.
            await FirstOutputCheck.EnsureReadableAsync(running, ct);
            for (var repetition = 1; repetition <= suite.Repetitions; repetition++)
            {
                var destination = hosts.First(host => host != running.Host);
                var request = new MigrationRequest(cell.RunId, repetition, running, destination, cell.Engine, cell.Strategy, planned.Rate.Label)
                {
                    Mode = cell.Mode,
                    HostKind = cell.HostSet.Kind,
                    Services = cell.HostSet.Services,
                };
                // Until the driver returns, the workload may exist only as the images and its files: an
                // interruption (Ctrl-C, SIGTERM) must leave both for the lab's teardown to keep.
                migrating = true;
                var result = await driver.RunAsync(request, ct);
                migrating = false;
                if (result.Seam is { } seam) seams.Add(new OutputSeam(request.MigrationId, seam));
                yield return result.Record;
                if (result.Workload is null)
                {
                    lost = true; // the row says where its images are
                    yield break;
                }
                running = result.Workload;
                await Task.Delay(SettleTime(planned.Spec), ct);
            }
            await CheckWholeOutputAsync(running, planned, seams, ct);
            await CheckDatasetAsync(running, planned, ct);
        }
        finally
        {
            if (!lost) await KeepOutputAsync(running);
            await StopCellAsync(cell, running, lost || migrating ? null : instance);
        }
    }

    /// <summary>Starts the cell's workload and waits for its first lines; on failure, stops what started and says why.</summary>
    private async Task<(RunningWorkload? Running, string? Problem)> StartAsync(Cell cell, string instance, CancellationToken ct)
    {
        RunningWorkload? running = null;
        try
        {
            var spec = cell.Planned.Spec;
            // A service binds the service address, and its client (on the client host) connects to it.
            var services = spec.Service is null ? null
                : cell.HostSet.Services ?? throw new InvalidOperationException($"{spec.Name} is a service, but these hosts have no client host: {cell.HostSet.ServicesMissing}");
            if (services is not null) spec = spec.At(services.Address);
            running = await cell.Engine.StartAsync(cell.HostSet.Hosts[0], spec, instance, ct);
            if (services is not null) running = await ServiceClient.StartAsync(running, services.Client, ct);
            await WaitForFirstLinesAsync(running, ct);
            return (running, null);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            log.Warning($"{cell.Planned.Spec.Name} {cell.Planned.Strategy.Name} {cell.Planned.Rate}: the workload did not start: {e.Message}");
            if (running is not null) await StopCellAsync(cell, running, instance);
            return (null, e.Message);
        }
    }

    /// <summary>
    /// The cell's one row when the started workload maps files that differ between the hosts (its
    /// restore would fail): the workload is stopped before any dump; null when the hosts match.
    /// </summary>
    private async Task<MigrationRecord?> RefusedByPreflightAsync(Cell cell, RunningWorkload running, CancellationToken ct)
    {
        string? problem;
        try { problem = await MappedFilesCheck.ProblemAsync(running, cell.HostSet.Hosts, ct); }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            problem = $"comparing the files it maps between the hosts failed: {e.Message}";
        }
        if (problem is null) return null;
        log.Warning($"preflight: {problem}");
        await StopCellAsync(cell, running, running.Instance);
        var row = NotStartedRow(cell, running.Instance, $"preflight: {problem}");
        return row with { FailureReason = $"preflight: {problem}; no migration was attempted", WorkloadRunsOn = "nowhere (stopped before its first dump)" };
    }

    /// <summary>The one row of a cell whose workload never ran: no migration was attempted.</summary>
    private static MigrationRecord NotStartedRow(Cell cell, string instance, string problem)
    {
        var placeholder = new RunningWorkload(cell.Planned.Spec, instance, cell.HostSet.Hosts[0], "");
        var request = new MigrationRequest(cell.RunId, 1, placeholder, cell.HostSet.Hosts[1], cell.Engine, cell.Strategy, cell.Planned.Rate.Label)
        {
            Mode = cell.Mode,
            HostKind = cell.HostSet.Kind,
        };
        var attempt = new MigrationAttempt(request, NullLog.Instance);
        attempt.Failed($"the workload did not start, no migration was attempted: {problem}", null);
        attempt.Update(row => row with { WorkloadRunsOn = "nowhere (not started)" });
        return attempt.Row;
    }

    private async Task CheckWholeOutputAsync(RunningWorkload running, PlannedCell planned, IReadOnlyList<OutputSeam> seams, CancellationToken ct)
    {
        var cellName = $"{planned.Spec.Name} {planned.Mode.Name} {planned.Strategy.Name} {planned.Rate}";
        try
        {
            var whole = await WholeOutputCheck.AnalyzeAsync(running, seams, ct);
            var verdict = $"{cellName}: whole output {WholeOutputCheck.Describe(whole)}";
            if (whole.Passed) log.Info(verdict);
            else
            {
                log.Warning(verdict);
                outputProblems.Add(verdict);
            }
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            log.Warning($"{cellName}: the whole-output check failed: {e.Message}");
            outputProblems.Add($"{cellName}: the whole-output check failed: {e.Message}");
        }
    }

    /// <summary>
    /// A service with a dataset, after its last migration: the client host reads the whole dataset
    /// back and compares it with what was written; a mismatch fails the run as a broken output does.
    /// </summary>
    private async Task CheckDatasetAsync(RunningWorkload running, PlannedCell planned, CancellationToken ct)
    {
        var cellName = $"{planned.Spec.Name} {planned.Mode.Name} {planned.Strategy.Name} {planned.Rate}";
        try
        {
            if (await ServiceClient.VerifyDatasetAsync(running, ct) is not { } verdict) return;
            if (verdict.Verified) log.Info($"{cellName}: dataset {verdict.Message}");
            else
            {
                log.Warning($"{cellName}: dataset NOT intact: {verdict.Message}");
                outputProblems.Add($"{cellName}: dataset not intact after the last migration: {verdict.Message}");
            }
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            outputProblems.Add($"{cellName}: reading the dataset back failed: {e.Message}");
            log.Warning($"{cellName}: reading the dataset back failed: {e.Message}");
        }
    }

    /// <summary>The workload's whole output and stderr into the run's outputs/, before its host goes away.</summary>
    private async Task KeepOutputAsync(RunningWorkload running)
    {
        if (outputsRoot is null) return;
        try { await new WorkloadOutputArchive(outputsRoot).KeepAsync(running, CancellationToken.None); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Warning($"{running.Spec.Name}: keeping its output in {outputsRoot}/outputs failed: {e.Message}");
        }
    }

    /// <summary>
    /// Stops the workload (identity-checked: a lost one's PID may be stale) and removes its files,
    /// unless <paramref name="instance"/> is null: a lost workload's files, or those of one whose
    /// migration was interrupted, stay beside its images, since a restore needs both. Failures are warnings.
    /// </summary>
    private Task StopCellAsync(Cell cell, RunningWorkload running, string? instance) =>
        WorkloadCleanup.StopAndRemoveAsync(cell.Engine, running, instance, cell.HostSet.Hosts, running.Spec.Name, log);

    /// <summary>
    /// One line per mode, strategy, rate and reason, naming the workloads refused for it: a suite
    /// of seven workloads on a kernel without soft-dirty says so twice, not fourteen times.
    /// </summary>
    public static IEnumerable<string> RefusalLines(IReadOnlyList<RefusedCell> refused) =>
        refused.GroupBy(cell => (cell.Mode, cell.Strategy, cell.LinkRate, cell.Reason))
            .Select(group => $"not supported: {group.Key.Mode} with {group.Key.Strategy} at {group.Key.LinkRate} for "
                + $"{string.Join(", ", group.Select(cell => $"{cell.Workload} ({cell.Engine})"))}: {group.Key.Reason}");

    /// <summary>
    /// Waits until the workload has printed a few lines, so the first seam has lines before it. A
    /// program that ended by itself meanwhile (a wrong argument, a missing file) is reported at once
    /// with its exit code and last stderr line, not after the 10 s a slow starter is given.
    /// </summary>
    internal static async Task WaitForFirstLinesAsync(RunningWorkload workload, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10) + 10 * workload.Spec.Interval;
        for (var look = 0; (await workload.OutputHost.FileSizeAsync(workload.OutputFile, ct) ?? 0) == 0; look++)
        {
            if (look % 10 == 9) await ThrowIfExitedAsync(workload, printedSomething: false, ct);
            if (DateTime.UtcNow > deadline)
            {
                await ThrowIfExitedAsync(workload, printedSomething: false, ct);
                var errors = workload.Client is { } client ? await client.Host.TryReadTextAsync(client.StderrFile, ct)
                    : await workload.Host.TryReadTextAsync(workload.StderrFile, ct);
                throw new InvalidOperationException($"workload {workload.Spec.Name} printed nothing within 10 s on {workload.OutputHost.Name}"
                    + (EarlyExit.LastLine(errors) is { } last ? $"; its last stderr line: {last}" : ""));
            }
            await Task.Delay(20, ct);
        }
        await Task.Delay(SettleTime(workload.Spec), ct);
        await ThrowIfExitedAsync(workload, printedSomething: true, ct);
    }

    private static async Task ThrowIfExitedAsync(RunningWorkload workload, bool printedSomething, CancellationToken ct)
    {
        var status = await workload.Host.TryReadTextAsync($"{workload.Directory}/{EarlyExit.StatusFile}", ct);
        if (status is null) return;
        var stderr = await workload.Host.TryReadTextAsync(workload.StderrFile, ct);
        if (EarlyExit.Describe(workload.Spec.Name, workload.Host.Name, status, stderr, printedSomething) is { } exited)
            throw new InvalidOperationException(exited);
    }

    /// <summary>Time the workload runs between migrations: a few of its intervals.</summary>
    internal static TimeSpan SettleTime(WorkloadSpec spec) =>
        TimeSpan.FromMilliseconds(Math.Max(3 * spec.Interval.TotalMilliseconds, 100));

    private sealed record Cell(string RunId, PlannedCell Planned, IWorkloadEngine Engine, ITransferStrategy Strategy, IMigrationMode Mode, IHostSet HostSet);
}

/// <summary>Where a run's files are, and its rows.</summary>
public sealed record RunOutcome(string RunDirectory, IReadOnlyList<MigrationRecord> Records)
{
    /// <summary>Cells whose whole output broke, did not parse or failed the workload's own check.</summary>
    public IReadOnlyList<string> OutputProblems { get; init; } = [];
}
