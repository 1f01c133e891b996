using CriuBench.Migration;
using CriuBench.Preflight;
using CriuBench.Suites;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Migration.Modes;

namespace CriuBench.Running;

/// <summary>
/// What a run will do, decided before the first migration: every cell (link rate × strategy ×
/// mode × workload) the hosts can do, and every one they cannot, with the reason (shown as "not
/// supported" in the report rather than failing as rows). The suite's names were resolved when it
/// loaded; here each mode and engine becomes the one object the run's cells share, and each
/// strategy stays a kind the runner makes an instance of for the hosts it sets up.
/// </summary>
public sealed record RunPlan(IReadOnlyList<PlannedCell> Cells, IReadOnlyList<RefusedCell> Refused, IReadOnlyList<LinkRate> Rates)
{
    public int MigrationCount(int repetitions) => Cells.Count * repetitions;

    /// <param name="servicesMissing">Why the hosts have no client host and service address (service workloads are refused with it); null when they have them.</param>
    public static RunPlan Build(Suite suite, IReadOnlyList<HostFeatures> hosts, bool canShapeLink, string? servicesMissing = null)
    {
        var options = new ModeOptions(suite.PreCopy);
        var modes = suite.Modes.ToDictionary(kind => kind, kind => kind.Create(options));
        var engines = suite.Workloads.Select(spec => spec.Engine).Distinct().ToDictionary(kind => kind, kind => kind.Create());
        var rates = canShapeLink ? suite.LinkRates : [LinkRate.Unshaped];
        var cells = new List<PlannedCell>();
        var refused = new List<RefusedCell>();
        foreach (var rate in rates)
        foreach (var strategy in suite.Strategies)
        foreach (var mode in suite.Modes)
        foreach (var spec in suite.Workloads.Where(w => !canShapeLink || w.RunsAt(rate)))
        {
            var combination = new Combination(mode.Needs, spec.Engine.Capabilities, strategy.Capabilities, spec, hosts);
            var support = Check(combination, modes[mode], engines[spec.Engine], strategy, servicesMissing);
            if (support.IsSupported) cells.Add(new PlannedCell(spec, strategy, modes[mode], engines[spec.Engine], rate));
            else refused.Add(new RefusedCell(spec.Name, spec.Engine.Name, strategy.Name, mode.Name, rate.Label, support.Refusal!));
        }
        return new RunPlan(cells, refused, rates);
    }

    /// <summary>The hosts first (CRIU must work there), then the mode, the engine and the strategy, each for itself.</summary>
    private static Support Check(Combination combination, IMigrationMode mode, IWorkloadEngine engine, StrategyKind strategy, string? servicesMissing) =>
        Support.Unless(combination.HostsWithout(host => host.CriuWorks) is null,
                $"`criu check` fails on {combination.HostsWithout(host => host.CriuWorks)}")
            .Then(() => ServiceSupport.Check(combination, servicesMissing))
            .Then(() => mode.Supports(combination))
            .Then(() => engine.Supports(combination))
            .Then(() => strategy.Supports(combination));
}

/// <summary>
/// One workload under one strategy, mode and link rate: started once, migrated Repetitions times.
/// The mode and engine are the run's own objects (shared by its cells); the strategy is the kind
/// the runner sets up once per link rate.
/// </summary>
public sealed record PlannedCell(WorkloadSpec Spec, StrategyKind Strategy, IMigrationMode Mode, IWorkloadEngine Engine, LinkRate Rate);
