using CriuBench.Lab;
using CriuBench.Migration;
using CriuBench.Preflight;
using CriuBench.Suites;
using CriuBench.Transfer;
using CriuBench.Workloads;

namespace CriuBench.Running;

/// <summary>
/// What a run will do, decided before the first migration: every cell (link rate × strategy ×
/// mode × workload) the hosts can do, and every one they cannot, with the reason (shown as "not
/// supported" in the report rather than failing as rows).
/// </summary>
public sealed record RunPlan(IReadOnlyList<PlannedCell> Cells, IReadOnlyList<RefusedCell> Refused, IReadOnlyList<LinkRate> Rates)
{
    public int MigrationCount(int repetitions) => Cells.Count * repetitions;

    public static RunPlan Build(Suite suite, IReadOnlyList<HostFeatures> hosts, bool canShapeLink)
    {
        var rates = canShapeLink ? suite.LinkRates : [LinkRate.Unshaped];
        var cells = new List<PlannedCell>();
        var refused = new List<RefusedCell>();
        foreach (var rate in rates)
        foreach (var strategyName in suite.Strategies)
        foreach (var modeName in suite.Modes)
        foreach (var spec in suite.Workloads.Where(w => !canShapeLink || w.RunsAt(rate)))
        {
            var combination = new Combination(modeName, spec.Engine, strategyName, spec, hosts);
            var support = Check(combination);
            if (support.IsSupported) cells.Add(new PlannedCell(spec, strategyName, modeName, rate));
            else refused.Add(new RefusedCell(spec.Name, spec.Engine, strategyName, modeName, rate.Label, support.Refusal!));
        }
        return new RunPlan(cells, refused, rates);
    }

    /// <summary>The hosts first (CRIU must work there), then the mode, the engine and the strategy, each for itself.</summary>
    private static Support Check(Combination combination) =>
        Support.Unless(combination.HostsWithout(host => host.CriuWorks) is null,
                $"`criu check` fails on {combination.HostsWithout(host => host.CriuWorks)}")
            .Then(() => MigrationModes.Create(combination.Mode).Supports(combination))
            .Then(() => WorkloadEngines.Create(combination.Engine).Supports(combination))
            .Then(() =>
            {
                var strategy = TransferStrategies.Create(combination.Strategy);
                try { return strategy.Supports(combination); }
                finally { strategy.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
            });
}

/// <summary>One workload under one strategy, mode and link rate: started once, migrated Repetitions times.</summary>
public sealed record PlannedCell(WorkloadSpec Spec, string Strategy, string Mode, LinkRate Rate);

/// <summary>A cell the hosts cannot do, and why.</summary>
public sealed record RefusedCell(string Workload, string Engine, string Strategy, string Mode, string LinkRate, string Reason);
