using System.Globalization;
using CriuBench.Lab;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CriuBench.Suites;

/// <summary>
/// Reads a suite file (YAML). Read by hand from YAML nodes rather than deserialized, so every
/// error names the file, line and the key to fix. See workloads/suites/default.yaml.
/// </summary>
public static class SuiteLoader
{
    private static readonly string[] TopLevelKeys = ["name", "repetitions", "bandwidth", "strategies", "workloads", "lab", "stop_on_failure", "keep_logs", "modes", "hosts"];
    private static readonly string[] WorkloadKeys = ["name", "builtin", "command", "output", "interval_ms", "engine", "criu_dump_args", "bandwidth"];

    /// <summary>Keys a built-in workload passes on as its parameters (the workload checks which it takes).</summary>
    private static readonly string[] BuiltinParameterKeys = ["mib", "dirty_mib_per_s", "data"];

    public static Suite Load(string path)
    {
        if (!File.Exists(path)) throw new SuiteException($"suite file {path} does not exist");
        return Parse(File.ReadAllText(path), path);
    }

    public static Suite Parse(string yaml, string source = "suite")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new SuiteException($"{source}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SuiteException($"{source}: expected a mapping with keys {string.Join(", ", TopLevelKeys)}");

        var reader = new NodeReader(source);
        reader.RejectUnknownKeys(root, TopLevelKeys, "suite");
        var workloads = reader.Sequence(root, "workloads", required: true).Select(node => ReadWorkload(reader, node)).ToList();
        var duplicate = workloads.GroupBy(w => w.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SuiteException($"{source}: two workloads are named '{duplicate.Key}': give each a unique name");

        var strategies = reader.Sequence(root, "strategies", required: false).Select(reader.Scalar).ToList();
        foreach (var strategy in strategies.Where(s => !TransferStrategies.Names.Contains(s)))
            throw new SuiteException($"{source}: unknown strategy '{strategy}': choose from {string.Join(", ", TransferStrategies.Names)}");

        var modes = reader.ScalarOrSequence(root, "modes");
        foreach (var mode in modes.Where(m => !Migration.MigrationModes.Names.Contains(m)))
            throw new SuiteException($"{source}: unknown mode '{mode}': choose from {string.Join(", ", Migration.MigrationModes.Names)}");
        if (modes.Distinct().Count() != modes.Count)
            throw new SuiteException($"{source}: 'modes' names a mode twice: list each once");

        var rates = reader.ScalarOrSequence(root, "bandwidth").Select(text => reader.Convert(root, "bandwidth", () => LinkRate.Parse(text))).ToList();
        if (rates.Count == 0) rates.Add(LinkRate.Default);
        // A workload that names its own rates runs at those only, the others at the suite's;
        // the lab runs at all of them.
        var suiteRates = rates.Select(rate => rate.Label).ToList();
        workloads = workloads.Select(w => w with { LinkRates = w.LinkRates ?? suiteRates }).ToList();
        foreach (var rate in workloads.SelectMany(w => w.LinkRates!).Select(LinkRate.Parse))
            if (!rates.Contains(rate)) rates.Add(rate);
        var repetitions = reader.Integer(root, "repetitions") ?? 5;
        if (repetitions < 1) throw new SuiteException($"{source}: repetitions must be at least 1");

        return new Suite
        {
            Name = reader.OptionalScalar(root, "name") ?? Path.GetFileNameWithoutExtension(source),
            Workloads = workloads,
            Strategies = strategies.Count > 0 ? strategies : ["tar", "shared"],
            Modes = modes.Count > 0 ? modes : [Migration.MigrationModes.Cold],
            Hosts = reader.OptionalScalar(root, "hosts") ?? CriuBench.Hosts.HostProviders.Default,
            Repetitions = repetitions,
            LinkRates = rates,
            LabName = reader.OptionalScalar(root, "lab") ?? "cb",
            StopOnFailure = reader.Boolean(root, "stop_on_failure") ?? false,
            KeepLogs = reader.Boolean(root, "keep_logs") ?? false,
        };
    }

    private static WorkloadSpec ReadWorkload(NodeReader reader, YamlNode node)
    {
        if (node is YamlScalarNode scalar) return reader.Convert(node, "workloads", () => BuiltinWorkloads.ByName(scalar.Value!));
        if (node is not YamlMappingNode map)
            throw new SuiteException($"{reader.Where(node)}: a workload is a built-in name or a mapping with 'command' and 'output'");
        var builtin = reader.OptionalScalar(map, "builtin");
        reader.RejectUnknownKeys(map, builtin is null ? WorkloadKeys : [.. WorkloadKeys, .. BuiltinParameterKeys], "workload");

        var parameters = BuiltinParameterKeys.Where(key => reader.Child(map, key) is not null)
            .ToDictionary(key => key, key => reader.OptionalScalar(map, key)!);
        var spec = builtin is not null
            ? reader.Convert(map, "builtin", () => BuiltinWorkloads.Create(builtin, parameters))
            : new WorkloadSpec
            {
                Name = reader.OptionalScalar(map, "name") ?? throw new SuiteException($"{reader.Where(map)}: a user-defined workload needs a 'name'"),
                Command = reader.Sequence(map, "command", required: true).Select(reader.Scalar).ToList(),
                Output = ParseOutput(reader, map),
            };
        var interval = reader.Integer(map, "interval_ms");
        var rates = reader.ScalarOrSequence(map, "bandwidth").Select(text => reader.Convert(map, "bandwidth", () => LinkRate.Parse(text)).Label).ToList();
        return spec with
        {
            LinkRates = rates.Count > 0 ? rates : null,
            Name = reader.OptionalScalar(map, "name") ?? spec.Name,
            Interval = interval is { } ms ? TimeSpan.FromMilliseconds(ms) : spec.Interval,
            Engine = reader.OptionalScalar(map, "engine") ?? spec.Engine,
            ExtraDumpArguments = [.. spec.ExtraDumpArguments, .. reader.Sequence(map, "criu_dump_args", required: false).Select(reader.Scalar)],
        };
    }

    private static OutputFormat ParseOutput(NodeReader reader, YamlMappingNode map) =>
        reader.OptionalScalar(map, "output") switch
        {
            "counter" => OutputFormat.Counter,
            "counter-timestamp" => OutputFormat.CounterTimestamp,
            null => throw new SuiteException($"{reader.Where(map)}: a user-defined workload needs 'output: counter' (lines 'N') or 'output: counter-timestamp' (lines 'N unix-ns')"),
            var other => throw new SuiteException($"{reader.Where(map)}: output '{other}' is unknown: use counter or counter-timestamp"),
        };

    /// <summary>Typed access to YAML nodes with errors that carry the file and line.</summary>
    private sealed class NodeReader(string source)
    {
        public string Where(YamlNode node) => $"{source}:{node.Start.Line}";

        public void RejectUnknownKeys(YamlMappingNode map, string[] known, string what)
        {
            foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => !known.Contains(k.Value)))
                throw new SuiteException($"{Where(key)}: unknown {what} key '{key.Value}': known keys are {string.Join(", ", known)}");
        }

        public YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public string Scalar(YamlNode node) =>
            node is YamlScalarNode { Value: { } value } ? value : throw new SuiteException($"{Where(node)}: expected a single value here");

        public string? OptionalScalar(YamlMappingNode map, string key) => Child(map, key) is { } node ? Scalar(node) : null;

        public IReadOnlyList<YamlNode> Sequence(YamlMappingNode map, string key, bool required) => Child(map, key) switch
        {
            YamlSequenceNode sequence when sequence.Children.Count > 0 || !required => sequence.Children.ToList(),
            null when !required => [],
            null => throw new SuiteException($"{Where(map)}: '{key}' is missing: give it as a list"),
            var node => throw new SuiteException($"{Where(node)}: '{key}' must be a non-empty list, e.g. [{key}-1, {key}-2]"),
        };

        public IReadOnlyList<string> ScalarOrSequence(YamlMappingNode map, string key) => Child(map, key) switch
        {
            null => [],
            YamlScalarNode scalar => [Scalar(scalar)],
            YamlSequenceNode sequence => sequence.Children.Select(Scalar).ToList(),
            var node => throw new SuiteException($"{Where(node)}: '{key}' must be a value or a list of values"),
        };

        public int? Integer(YamlMappingNode map, string key) => OptionalScalar(map, key) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new SuiteException($"{Where(Child(map, key)!)}: '{key}' must be a whole number, not '{text}'")
            : null;

        public bool? Boolean(YamlMappingNode map, string key) => OptionalScalar(map, key) switch
        {
            null => null,
            "true" or "yes" => true,
            "false" or "no" => false,
            var text => throw new SuiteException($"{Where(Child(map, key)!)}: '{key}' must be true or false, not '{text}'"),
        };

        /// <summary>Runs a conversion that may throw a plain format error, and adds where it happened.</summary>
        public T Convert<T>(YamlNode at, string key, Func<T> convert)
        {
            try { return convert(); }
            catch (Exception e) when (e is FormatException or ArgumentException or FileNotFoundException)
            {
                throw new SuiteException($"{Where(at)}: {key}: {e.Message}");
            }
        }
    }
}
