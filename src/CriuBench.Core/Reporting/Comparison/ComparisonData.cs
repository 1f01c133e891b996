using CriuBench.Measurements;
using CriuBench.Vocabulary;

namespace CriuBench.Reporting.Comparison;

/// <summary>
/// What every section reads: the rows, their summary and the environment, with the orders and
/// look-ups the sections share. Orders follow the summary (first appearance in migrations.csv),
/// so the same CSV always gives the same report.
/// </summary>
internal sealed class ComparisonData
{
    private readonly Dictionary<Configuration, List<MigrationRecord>> _successful;
    private readonly Dictionary<(Configuration, string), SummaryRow> _summary;
    private readonly Dictionary<string, string> _parameters;
    private readonly ILookup<(string RunId, Configuration Configuration, int Repetition), ClientSampleRecord> _clientSlices;

    public ComparisonData(IReadOnlyList<MigrationRecord> records, IReadOnlyList<SummaryRow> summary, RunEnvironment environment,
        IReadOnlyList<RefusedCell>? refused = null, IReadOnlyList<ClientSampleRecord>? clientTimeline = null)
    {
        Records = records;
        Refused = refused ?? [];
        Summary = summary;
        Environment = environment;
        Configurations = summary.Select(Configuration.Of).Distinct().ToList();
        Workloads = Configurations.Select(c => c.Workload).Distinct().ToList();
        LinkRates = Configurations.Select(c => c.LinkRate).Distinct().ToList();
        SeveralEngines = Configurations.Select(c => c.Engine).Distinct().Count() > 1;
        Modes = Configurations.Select(c => c.Mode).Distinct().ToList();
        _summary = summary.ToDictionary(r => (Configuration.Of(r), r.Metric));
        _successful = records.Where(r => r.Succeeded).GroupBy(Configuration.Of).ToDictionary(g => g.Key, g => g.ToList());
        _parameters = records.GroupBy(r => r.Workload, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Parameters, StringComparer.Ordinal);
        _clientSlices = (clientTimeline ?? []).ToLookup(r => (r.RunId, Configuration.Of(r), r.Repetition));
        Winners = Comparison.Winners.Of(this);
    }

    public IReadOnlyList<MigrationRecord> Records { get; }

    /// <summary>The cells the hosts could not do, with the reason (refused.csv; none for runs made before it).</summary>
    public IReadOnlyList<RefusedCell> Refused { get; }
    public IReadOnlyList<SummaryRow> Summary { get; }
    public RunEnvironment Environment { get; }

    /// <summary>Every configuration with a successful migration, in the summary's order.</summary>
    public IReadOnlyList<Configuration> Configurations { get; }
    public IReadOnlyList<string> Workloads { get; }
    public IReadOnlyList<string> LinkRates { get; }
    public bool SeveralEngines { get; }

    /// <summary>The migration modes of the run, in order of appearance.</summary>
    public IReadOnlyList<string> Modes { get; }

    /// <summary>Whether labels name the mode: the run has several, or one that is not cold.</summary>
    public bool ShowsModes => Modes.Count > 1 || Modes.Any(mode => mode != ModeNames.Cold);

    /// <summary>The winner of each workload and link rate.</summary>
    public IReadOnlyList<Winner> Winners { get; }

    /// <summary>How a strategy is named in the report: with its engine when the run has several, and its mode when modes differ (as the bar charts do).</summary>
    public string Label(Configuration c) => Label(c, SeveralEngines);

    /// <summary>[engine/]strategy[ mode], the strategy as people call it (sshfs, not "shared").</summary>
    public string Label(Configuration c, bool withEngine) =>
        (withEngine ? $"{c.Engine}/{StrategyNames.Display(c.Strategy)}" : StrategyNames.Display(c.Strategy)) + (ShowsModes ? $" {c.Mode}" : "");

    /// <summary>The workload's parameters column (its first row's: a workload's name fixes its parameters within a run); "" when unknown.</summary>
    public string Parameters(string workload) => _parameters.GetValueOrDefault(workload, "");

    /// <summary>The client timeline of one service migration (client-timeline.csv), in time order; none for other workloads and older runs.</summary>
    public IReadOnlyList<ClientSampleRecord> ClientSlices(MigrationRecord r) =>
        _clientSlices[(r.RunId, Configuration.Of(r), r.Repetition)].OrderBy(s => s.TimeMs).ToList();

    public SummaryRow? Row(Configuration c, Metric metric) => _summary.GetValueOrDefault((c, metric.Name));

    /// <summary>The configuration's successful migrations, in file order.</summary>
    public IReadOnlyList<MigrationRecord> Successful(Configuration c) =>
        _successful.TryGetValue(c, out var rows) ? rows : [];

    /// <summary>The metric's values over the configuration's successful migrations, in file order.</summary>
    public IReadOnlyList<double> Values(Configuration c, Metric metric) =>
        Successful(c).Select(metric.Select).OfType<double>().ToList();
}
