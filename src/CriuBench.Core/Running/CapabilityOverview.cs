using CriuBench.Migration.Modes;
using CriuBench.Preflight;
using CriuBench.Suites;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Running;

/// <summary>One engine, mode or strategy on these hosts: whether it can run, and if not every reason the checks gave.</summary>
public sealed record Capability(string Kind, string Name, IReadOnlyList<string> Refusals)
{
    public bool CanRun => Refusals.Count == 0;
}

/// <summary>
/// What `doctor` says the hosts can do, asked of the same checks a run asks (<see cref="RunPlan"/>):
/// a plan of every engine (a counter each), strategy and mode, read back per kind. An engine counts
/// as able where it migrates cold with some strategy, a strategy where the process engine migrates
/// cold with it, a mode where some engine and strategy run it; combinations refused although each
/// part can run (post-copy with page-server) are listed apart.
/// </summary>
public sealed record CapabilityOverview(IReadOnlyList<Capability> Engines, IReadOnlyList<Capability> Modes, IReadOnlyList<Capability> Strategies,
    IReadOnlyList<RefusedCell> RefusedCombinations)
{
    public static CapabilityOverview Of(IReadOnlyList<HostFeatures> hosts, bool canShapeLink)
    {
        var engines = WorkloadEngines.Names.Select(WorkloadEngines.Resolve).ToList();
        var strategies = TransferStrategies.Names.Where(name => name != SshfsTransfer.OlderName).Select(TransferStrategies.Resolve).ToList(); // shared is sshfs
        var modes = MigrationModes.Names.Select(MigrationModes.Resolve).ToList();
        var suite = new Suite
        {
            Workloads = [.. engines.Select(Counter)],
            Strategies = strategies,
            Modes = modes,
            LinkRates = [LinkRate.Default],
        };
        var plan = RunPlan.Build(suite, hosts, canShapeLink);

        var engineAnswers = engines.Select(engine => Answer("engine", engine.Name,
            plan.Cells.Any(c => c.Spec.Engine == engine && c.Mode.Name == ModeNames.Cold),
            plan.Refused.Where(r => r.Engine == engine.Name && r.Mode == ModeNames.Cold))).ToList();
        var strategyAnswers = strategies.Select(strategy => Answer("strategy", strategy.Name,
            plan.Cells.Any(c => c.Strategy == strategy && c.Mode.Name == ModeNames.Cold && c.Spec.Engine == WorkloadEngines.Process),
            plan.Refused.Where(r => r.Strategy == strategy.Name && r.Mode == ModeNames.Cold && r.Engine == WorkloadEngines.Process.Name))).ToList();
        var modeAnswers = modes.Select(mode => Answer("mode", mode.Name,
            plan.Cells.Any(c => c.Mode.Name == mode.Name),
            plan.Refused.Where(r => r.Mode == mode.Name && r.Engine == WorkloadEngines.Process.Name))).ToList();
        var able = engineAnswers.Concat(strategyAnswers).Concat(modeAnswers).Where(a => a.CanRun).Select(a => (a.Kind, a.Name)).ToHashSet();
        var combinations = plan.Refused.Where(r => able.Contains(("engine", r.Engine)) && able.Contains(("strategy", r.Strategy)) && able.Contains(("mode", r.Mode))).ToList();
        return new CapabilityOverview(engineAnswers, modeAnswers, strategyAnswers, combinations);
    }

    private static WorkloadSpec Counter(EngineKind engine) =>
        engine == WorkloadEngines.Process ? BuiltinWorkloads.ShellCounter() : BuiltinWorkloads.ContainerCounter(engine);

    private static Capability Answer(string kind, string name, bool runs, IEnumerable<RefusedCell> refusals) =>
        new(kind, name, runs ? [] : [.. refusals.Select(r => r.Reason).Distinct()]);
}
