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
    /// <summary>
    /// What the whole suite plans, before any shard takes its share: a digest of every cell (link
    /// rate, strategy, mode, workload with its engine and parameters) and the repetitions, so
    /// `merge` can tell shards of one suite from those of another.
    /// </summary>
    public string SuiteCells { get; init; } = "";

    /// <summary>The share of the suite's cells this plan holds (<see cref="Suite.Shard"/>).</summary>
    public Shard Shard { get; init; } = Shard.Whole;

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
        var keys = new List<string> { $"repetitions={suite.Repetitions}" };
        var index = -1;
        foreach (var rate in rates)
        foreach (var strategy in suite.Strategies)
        foreach (var mode in suite.Modes)
        foreach (var spec in suite.Workloads.Where(w => !canShapeLink || w.RunsAt(rate)))
        {
            // Numbered before the hosts are asked, so a shard's share does not depend on what they support.
            keys.Add($"{rate.Label}|{strategy.Name}|{mode.Name}|{spec.Name}|{spec.Engine.Name}|{spec.Parameters}");
            if (!suite.Shard.Includes(++index)) continue;
            var combination = new Combination(mode.Needs, spec.Engine.Capabilities, strategy.Capabilities, spec, hosts);
            var support = Check(combination, modes[mode], engines[spec.Engine], strategy, servicesMissing);
            if (support.IsSupported) cells.Add(new PlannedCell(spec, strategy, modes[mode], engines[spec.Engine], rate) { Index = index });
            else refused.Add(new RefusedCell(spec.Name, spec.Engine.Name, strategy.Name, mode.Name, rate.Label, support.Refusal!) { Cell = index });
        }
        return new RunPlan(cells, refused, rates) { SuiteCells = Digest(keys), Shard = suite.Shard };
    }

    private static string Digest(IEnumerable<string> keys) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', keys))))[..16];

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
public sealed record PlannedCell(WorkloadSpec Spec, StrategyKind Strategy, IMigrationMode Mode, IWorkloadEngine Engine, LinkRate Rate)
{
    /// <summary>Its number in the whole suite's plan (before sharding), from 0: the rows' `cell`.</summary>
    public int Index { get; init; }
}
