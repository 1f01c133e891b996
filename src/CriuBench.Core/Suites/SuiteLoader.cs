using CriuBench.Hosts.Lab;
using CriuBench.Migration;
using CriuBench.Preflight;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using CriuBench.Migration.Modes;

namespace CriuBench.Suites;

/// <summary>
/// Reads a suite file (YAML). Read by hand from YAML nodes rather than deserialized, so every
/// error names the file, line and the key to fix, before anything is created. See workloads/suites/default.yaml.
/// </summary>
public static class SuiteLoader
{
    /// <summary>Repetitions above this are a typo rather than a plan (1000 cold migrations take hours).</summary>
    public const int MaxRepetitions = 1000;

    private static readonly string[] TopLevelKeys = ["name", "repetitions", "bandwidth", "strategies", "workloads", "lab", "stop_on_failure", "keep_logs", "modes", "hosts", "precopy"];
    private static readonly string[] PreCopyKeys = ["rule", "max_iterations", "min_pages", "grow_percent", "goal_percent"];

    public static Suite Load(string path)
    {
        if (Directory.Exists(path))
        {
            var inside = Directory.EnumerateFiles(path, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(5).ToList();
            throw new SuiteException($"suite {path} is a directory, not a file: give a suite file" +
                (inside.Count > 0 ? $", e.g. {Path.Combine(path, inside[0]!)} (it holds {string.Join(", ", inside)})" : ", e.g. workloads/suites/default.yaml"));
        }
        if (!File.Exists(path)) throw new SuiteException($"suite file {path} does not exist: give a suite file, e.g. workloads/suites/default.yaml");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SuiteException($"suite file {path} cannot be read ({e.Message})");
        }
        var suite = Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
        // A hosts file is named relative to the suite that names it.
        return CriuBench.Hosts.Kinds.HostProviders.IsHostsFile(suite.Hosts) && !Path.IsPathRooted(suite.Hosts)
            ? suite with { Hosts = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, suite.Hosts)) }
            : suite;
    }

    /// <param name="source">The file name, for messages.</param>
    /// <param name="baseDirectory">Where relative program paths are taken from: the suite file's directory (default: the current one).</param>
    public static Suite Parse(string yaml, string source = "suite", string? baseDirectory = null)
    {
        var root = ReadRoot(yaml, source);
        var reader = new NodeReader(source);
        reader.RejectUnknownKeys(root, TopLevelKeys, "suite");

        var workloadReader = new WorkloadReader(reader, baseDirectory ?? Directory.GetCurrentDirectory());
        var workloads = reader.Sequence(root, "workloads", required: true, "[counter, timestamps]").Select(workloadReader.Read).ToList();
        var duplicate = workloads.GroupBy(w => w.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw reader.Error(reader.Child(root, "workloads")!, $"two workloads are named '{duplicate.Key}': give each a unique 'name'");

        var strategies = new List<StrategyKind>();
        foreach (var node in reader.Sequence(root, "strategies", required: false, "[tar, shared]"))
        {
            var strategy = Resolve(reader, reader.Scalar(node), node, TransferStrategies.Resolve);
            if (strategies.Contains(strategy)) throw reader.Error(node, $"strategy '{strategy.Name}' is listed twice: list each strategy once");
            strategies.Add(strategy);
        }

        var modes = new List<ModeKind>();
        foreach (var (name, node) in reader.ScalarOrSequence(root, "modes", "[cold]"))
        {
            var mode = Resolve(reader, name, node, MigrationModes.Resolve);
            if (modes.Contains(mode)) throw reader.Error(node, $"mode '{mode.Name}' is listed twice: list each mode once");
            modes.Add(mode);
        }

        var rates = new List<LinkRate>();
        foreach (var (text, node) in reader.ScalarOrSequence(root, "bandwidth", "[100mbit, 1gbit, unlimited]"))
        {
            var rate = reader.Convert(node, "bandwidth", () => LinkRate.Parse(text));
            if (rates.Any(r => r.BitsPerSecond == rate.BitsPerSecond))
                throw reader.Error(node, $"bandwidth '{text}' is listed twice (perhaps as another unit): list each rate once");
            rates.Add(rate);
        }
        if (rates.Count == 0) rates.Add(LinkRate.Default);
        // A workload that names its own rates runs at those only, the others at the suite's;
        // the lab runs at all of them.
        var suiteRates = rates.Select(rate => rate.Label).ToList();
        workloads = workloads.Select(w => w with { LinkRates = w.LinkRates ?? suiteRates }).ToList();
        foreach (var rate in workloads.SelectMany(w => w.LinkRates!).Select(LinkRate.Parse))
            if (!rates.Contains(rate)) rates.Add(rate);

        return new Suite
        {
            Name = SuiteName(reader, root, source),
            Workloads = workloads,
            Strategies = strategies.Count > 0 ? strategies : Suite.DefaultStrategies,
            Modes = modes.Count > 0 ? modes : Suite.DefaultModes,
            Hosts = reader.OptionalWord(root, "hosts") ?? CriuBench.Hosts.Kinds.HostProviders.Default,
            Repetitions = reader.Integer(root, "repetitions", 1, MaxRepetitions) ?? 5,
            LinkRates = rates,
            LabName = LabName(reader, root) ?? "cb",
            StopOnFailure = reader.Boolean(root, "stop_on_failure") ?? false,
            KeepLogs = reader.Boolean(root, "keep_logs") ?? false,
            PreCopy = ReadPreCopy(reader, root),
        };
    }

    /// <summary>A name resolved once, here: an unknown one is refused at its line with the names there are.</summary>
    private static TKind Resolve<TKind>(NodeReader reader, string name, YamlNode node, Func<string, TKind> resolve)
    {
        try { return resolve(name); }
        catch (UnknownNameException e) { throw reader.Error(node, e.Message); }
    }

    /// <summary>precopy: {rule: phaul|goal, max_iterations, min_pages, grow_percent (phaul), goal_percent (goal)}.</summary>
    private static Migration.PreCopy.PreCopySettings ReadPreCopy(NodeReader reader, YamlMappingNode root)
    {
        if (reader.Child(root, "precopy") is not { } node) return Migration.PreCopy.PreCopySettings.Default;
        if (node is not YamlMappingNode map)
            throw reader.Error(node, "'precopy' is a mapping, e.g. {rule: goal, goal_percent: 70, max_iterations: 10}");
        reader.RejectUnknownKeys(map, PreCopyKeys, "precopy");
        var settings = new Migration.PreCopy.PreCopySettings
        {
            Rule = reader.OptionalWord(map, "rule") ?? Migration.PreCopy.PreCopySettings.Default.Rule,
            MaxIterations = reader.Integer(map, "max_iterations", 0, int.MaxValue),
            MinPages = reader.Integer(map, "min_pages", 0, int.MaxValue),
            GrowPercent = reader.Integer(map, "grow_percent", 0, int.MaxValue),
            GoalPercent = reader.Integer(map, "goal_percent", 0, int.MaxValue),
        };
        return settings.Validate() is { } problem ? throw reader.Error(map, $"precopy: {problem}") : settings;
    }

    private static YamlMappingNode ReadRoot(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // YamlDotNet's messages name the position already; keep the first line of what it says.
            var what = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            if (what.StartsWith("Duplicate key ", StringComparison.Ordinal))
                throw new SuiteException($"{source}:{e.Start.Line}: the key '{what["Duplicate key ".Length..]}' appears twice in the same mapping: give each key once");
            throw new SuiteException($"{source}:{e.Start.Line}: not valid YAML ({what}): check the indentation, brackets and quotes on this line or the one before");
        }
        catch (ArgumentException e)
        {
            throw new SuiteException($"{source}: a key appears twice in the same mapping ({e.Message}): give each key once");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way on some unclosed brackets; find where by parsing event by event.
            throw new SuiteException($"{source}:{LastParsedLine(yaml)}: not valid YAML (a bracket, brace or quote that opens here or after is not closed): close it");
        }
        if (stream.Documents.Count > 1)
            throw new SuiteException($"{source}:{stream.Documents[1].RootNode.Start.Line}: a suite file holds one YAML document, but a second starts here: remove the '---' or split the file");
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SuiteException($"{source}: a suite is a mapping with keys {string.Join(", ", TopLevelKeys)}; start with e.g. 'workloads: [counter]'");
        return root;
    }

    private static long LastParsedLine(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        long line = 1;
        try
        {
            while (parser.MoveNext()) line = parser.Current?.Start.Line ?? line;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
        }
        return line;
    }

    private static string SuiteName(NodeReader reader, YamlMappingNode root, string source)
    {
        if (reader.OptionalScalar(root, "name") is not { } name) return SafeName.From(Path.GetFileNameWithoutExtension(source));
        return SafeName.Problem(name) is { } problem
            ? throw reader.Error(reader.Child(root, "name")!, $"suite name '{name}' {problem}: it names the run's directory, so use {SafeName.Rule}")
            : name;
    }

    private static string? LabName(NodeReader reader, YamlMappingNode root)
    {
        if (reader.OptionalScalar(root, "lab") is not { } name) return null;
        try
        {
            return LabLayout.For(name).Name;
        }
        catch (ArgumentException e)
        {
            throw reader.Error(reader.Child(root, "lab")!, $"{e.Message}, e.g. lab: cb2");
        }
    }
}
