using CriuBench.Measurements;
using CriuBench.Preflight;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;
using YamlDotNet.RepresentationModel;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Suites;

/// <summary>
/// Reads one entry of a suite's 'workloads': a built-in name, a built-in with parameters, or a
/// user-defined workload. Everything that can be checked before a run is checked here: names,
/// the program, the line format, the check, the interval and the CRIU options.
/// </summary>
internal sealed class WorkloadReader(NodeReader reader, string baseDirectory)
{
    public const int MaxIntervalMs = 60_000;
    public const int MaxCheckField = 64;

    private static readonly string[] CommonKeys = ["name", "bandwidth", "criu_dump_args"];

    /// <summary>A user service's keys: the service instead of 'command', its client, and what it needs around its migrations.</summary>
    private static readonly string[] ServiceKeys = ["service", "client", "fill", "verify", "tcp_established", "connections", "client_fields"];
    private static readonly string[] UserKeys = [.. CommonKeys, "command", "output", "timestamp", "check", "interval_ms", "engine", "parameters", "image", .. ServiceKeys];

    /// <summary>Keys a built-in workload passes on as its parameters (the workload checks which it takes).</summary>
    private static readonly string[] BuiltinParameterKeys = ["mib", "dirty_mib_per_s", "data", "dataset_mib", "connections", "interval_ms", "tcp_established"];

    public WorkloadSpec Read(YamlNode node)
    {
        if (node is YamlScalarNode scalar) return reader.Convert(node, "workloads", () => BuiltinWorkloads.ByName(reader.Scalar(scalar)));
        if (node is not YamlMappingNode map)
            throw reader.Error(node, "a workload is a built-in name (e.g. counter) or a mapping with 'name', 'command' and 'output'");
        var spec = reader.OptionalWord(map, "builtin") is { } builtin ? ReadBuiltin(map, builtin) : ReadUserDefined(map);

        var rates = reader.ScalarOrSequence(map, "bandwidth", "[100mbit, 1gbit]")
            .Select(rate => reader.Convert(rate.Node, "bandwidth", () => LinkRate.Parse(rate.Text)).Label).ToList();
        if (rates.GroupBy(rate => rate).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw reader.Error(reader.Child(map, "bandwidth")!, $"bandwidth '{twice.Key}' is listed twice: list each rate once");
        return spec with
        {
            LinkRates = rates.Count > 0 ? rates : null,
            Name = Name(map) ?? spec.Name,
            ExtraDumpArguments = [.. spec.ExtraDumpArguments, .. DumpArguments(map, spec.Engine)],
        };
    }

    private WorkloadSpec ReadBuiltin(YamlMappingNode map, string builtin)
    {
        foreach (var key in new[] { "command", "output", "timestamp", "check", "interval_ms", "engine", "parameters", "image" })
            if (reader.Child(map, key) is not null)
                throw reader.Error(map.Children.Keys.First(k => k is YamlScalarNode { Value: var v } && v == key),
                    $"'{key}' does not go with 'builtin: {builtin}': a built-in brings its own; remove '{key}', or remove 'builtin' to define your own workload");
        reader.RejectUnknownKeys(map, ["builtin", .. CommonKeys, .. BuiltinParameterKeys], "workload");
        var parameters = BuiltinParameterKeys.Where(key => reader.Has(map, key)).ToDictionary(key => key, key => reader.OptionalWord(map, key)!);
        return reader.Convert(reader.Child(map, "builtin")!, "builtin", () => BuiltinWorkloads.Create(builtin, parameters));
    }

    private WorkloadSpec ReadUserDefined(YamlMappingNode map)
    {
        reader.RejectUnknownKeys(map, UserKeys, "workload");
        var name = Name(map) ?? throw reader.Error(map, "a user-defined workload needs a 'name' (or use 'builtin: NAME' for a built-in one)");
        var engine = Engine(map);
        var isService = reader.Has(map, "service");
        if (isService && reader.Has(map, "command"))
            throw reader.Error(reader.Child(map, "command")!, $"workload {name} has both 'service' and 'command': a service's command is 'service' (what migrates), its client's 'client'");
        if (!isService && ServiceKeys.FirstOrDefault(key => reader.Has(map, key)) is { } stray)
            throw reader.Error(reader.Child(map, stray)!, $"'{stray}' belongs to a service: give the service's command as 'service' (with its client as 'client'), or remove '{stray}'");
        var command = reader.Sequence(map, isService ? "service" : "command", required: true,
            isService ? "[memcached, -u, root, -l, \"{address}\", -p, \"11211\"]" : "[python3, -u, my-counter.py]").Select(reader.Scalar).ToList();
        if (engine.Capabilities.UsesHostFiles)
        {
            var (program, problem) = ProgramCheck.Resolve(command[0], baseDirectory);
            if (problem is not null) throw reader.Error(reader.Child(map, "command")!, $"workload {name}: {problem}");
            command[0] = program!;
        }
        var output = ReadOutput(map);
        var interval = reader.Integer(map, "interval_ms", 1, MaxIntervalMs, " ms");
        return new WorkloadSpec
        {
            Name = name,
            Command = command,
            Output = output,
            TimestampUnit = ReadTimestampUnit(map, output),
            ExtraFields = true,
            Check = ReadCheck(map),
            Engine = engine,
            Interval = interval is { } ms ? TimeSpan.FromMilliseconds(ms) : TimeSpan.FromMilliseconds(100),
            Parameters = ReadParameters(map),
            Image = ReadImage(map, name, engine),
            Service = isService ? ReadService(map, name) : null,
        };
    }

    /// <summary>
    /// A container image as an archive on the controller (`podman save` writes one), relative to the
    /// suite file: each host's storage loads it, so no registry is needed and every host has the same
    /// image ID, which a restore of the checkpoint looks the image up by.
    /// </summary>
    private string? ReadImage(YamlMappingNode map, string name, EngineKind engine)
    {
        if (reader.Child(map, "image") is not { } node) return null;
        if (!engine.Capabilities.TakesImage)
            throw reader.Error(node, $"workload {name}: the {engine.Name} engine runs no image of yours: use 'engine: podman' with 'image', or remove 'image'");
        var text = reader.Scalar(node);
        var path = Path.GetFullPath(Path.Combine(baseDirectory, text));
        if (!File.Exists(path))
            throw reader.Error(node, $"workload {name}: image archive {path} does not exist: 'image' names an archive file (`podman save -o FILE IMAGE`), relative to the suite file");
        return path;
    }

    /// <summary>
    /// A user service's client and its settings. The client runs on the client host from the
    /// controller's files only where the suite's directory is there too, so its program is checked
    /// like a workload's command; '{address}' may stand in any argument of the service, the client,
    /// fill and verify.
    /// </summary>
    private ServiceSpec ReadService(YamlMappingNode map, string name)
    {
        IReadOnlyList<string> Program(string key, bool required)
        {
            var command = reader.Sequence(map, key, required, "[python3, -u, kvclient.py, \"{address}\", \"11211\"]").Select(reader.Scalar).ToList();
            if (command.Count == 0) return command;
            var (program, problem) = ProgramCheck.Resolve(command[0], baseDirectory);
            if (problem is not null) throw reader.Error(reader.Child(map, key)!, $"workload {name}'s {key}: {problem}");
            command[0] = program!;
            return command;
        }
        var client = Program("client", required: true);
        var fill = Program("fill", required: false);
        var verify = Program("verify", required: false);
        return new ServiceSpec
        {
            Client = client,
            Fill = fill.Count > 0 ? fill : null,
            Verify = verify.Count > 0 ? verify : null,
            TcpEstablished = reader.Boolean(map, "tcp_established") ?? true,
            Connections = reader.Integer(map, "connections", 1, 1000) ?? 1,
            Fields = ReadClientFields(map),
        };
    }

    /// <summary>Where the client's lines carry its latency (us), failed requests and connections opened: client_fields: {latency_us: 3, failed: 4, connects: 5}.</summary>
    private ClientFields? ReadClientFields(YamlMappingNode map)
    {
        if (reader.Child(map, "client_fields") is not { } node) return null;
        const string example = "client_fields: {latency_us: 3, failed: 4, connects: 5}";
        if (node is not YamlMappingNode fields) throw reader.Error(node, $"'client_fields' must be a mapping: {example}");
        reader.RejectUnknownKeys(fields, ["latency_us", "failed", "connects"], "client_fields");
        int Get(string key) => reader.Child(fields, key) is { } field ? Field(field) : throw reader.Error(fields, $"client_fields needs '{key}': {example}");
        return new ClientFields(Get("latency_us"), Get("failed"), Get("connects"));
    }

    /// <summary>
    /// A user workload's own parameters (e.g. <c>parameters: {mib: 512, clients: 4}</c>): labels for the
    /// results' parameters column, not passed to the command. Sorted by name, so the column reads
    /// the same whatever order the suite lists them in.
    /// </summary>
    private IReadOnlyList<KeyValuePair<string, string>> ReadParameters(YamlMappingNode map)
    {
        if (reader.Child(map, "parameters") is not { } node) return [];
        if (node is not YamlMappingNode parameters) throw reader.Error(node, "'parameters' must be a mapping of names to values, e.g. parameters: {mib: 512, clients: 4}");
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in parameters.Children)
        {
            var name = reader.Scalar(key);
            var text = reader.Scalar(value);
            if (SafeName.Problem(name) is { } problem) throw reader.Error(key, $"parameter name '{name}' {problem}: use {SafeName.Rule}");
            if (WorkloadParameters.Problem(name, text) is { } unwritable) throw reader.Error(value, unwritable);
            pairs.Add(new(name, text));
        }
        return [.. pairs.OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    private string? Name(YamlMappingNode map)
    {
        if (reader.OptionalWord(map, "name") is not { } name) return null;
        return SafeName.Problem(name) is { } problem
            ? throw reader.Error(reader.Child(map, "name")!, $"workload name '{name}' {problem}: use {SafeName.Rule}")
            : name;
    }

    private OutputFormat ReadOutput(YamlMappingNode map) => reader.OptionalScalar(map, "output") switch
    {
        "counter" => OutputFormat.Counter,
        "counter-timestamp" => OutputFormat.CounterTimestamp,
        null => throw reader.Error(map, "a user-defined workload needs 'output: counter' (lines 'N ...') or 'output: counter-timestamp' (lines 'N TIME ...')"),
        var other => throw reader.Error(reader.Child(map, "output")!, $"output '{other}' is unknown: use counter or counter-timestamp"),
    };

    private TimestampUnit ReadTimestampUnit(YamlMappingNode map, OutputFormat output)
    {
        if (reader.Child(map, "timestamp") is not { } node) return TimestampUnit.Auto;
        if (output != OutputFormat.CounterTimestamp)
            throw reader.Error(node, "'timestamp' needs 'output: counter-timestamp': a counter-only output has no timestamp");
        return reader.Scalar(node) switch
        {
            "s" => TimestampUnit.Seconds,
            "ms" => TimestampUnit.Milliseconds,
            "us" => TimestampUnit.Microseconds,
            "ns" => TimestampUnit.Nanoseconds,
            "auto" => TimestampUnit.Auto,
            var other => throw reader.Error(node, $"timestamp '{other}' is unknown: use s, ms, us, ns or auto (by magnitude)"),
        };
    }

    private OutputCheck? ReadCheck(YamlMappingNode map)
    {
        if (reader.Child(map, "check") is not { } node) return null;
        const string examples = "check: {field: 4, equals: ok} or check: {fields_equal: [3, 4]}";
        if (node is not YamlMappingNode check) throw reader.Error(node, $"'check' must be a mapping: {examples}");
        reader.RejectUnknownKeys(check, ["field", "equals", "fields_equal"], "check");
        if (reader.Has(check, "fields_equal"))
        {
            if (reader.Has(check, "field") || reader.Has(check, "equals"))
                throw reader.Error(check, $"a check is either field/equals or fields_equal, not both: {examples}");
            var fields = reader.Sequence(check, "fields_equal", required: true, "[3, 4]").Select(n => Field(n)).ToList();
            if (fields.Count != 2) throw reader.Error(reader.Child(check, "fields_equal")!, "'fields_equal' takes exactly two field numbers, e.g. [3, 4]");
            if (fields[0] == fields[1]) throw reader.Error(reader.Child(check, "fields_equal")!, $"'fields_equal' compares field {fields[0]} with itself: give two different fields");
            return new FieldsEqual(fields[0], fields[1]);
        }
        var field = reader.Child(check, "field") is { } f ? Field(f) : throw reader.Error(check, $"a check needs 'field' and 'equals': {examples}");
        var value = reader.OptionalWord(check, "equals") ?? throw reader.Error(check, $"a check needs 'equals' with the value field {field} must hold: {examples}");
        if (value.Any(char.IsWhiteSpace)) throw reader.Error(reader.Child(check, "equals")!, "'equals' is compared with one field, so it cannot hold spaces");
        return new FieldEquals(field, value);
    }

    private int Field(YamlNode node)
    {
        var text = reader.Scalar(node);
        return int.TryParse(text, out var field) && field is >= 1 and <= MaxCheckField
            ? field
            : throw reader.Error(node, $"a field number counts from 1 (the counter) to {MaxCheckField}, not '{text}'");
    }

    /// <summary>The workload's engine, resolved here once; an unknown name is refused with the known ones.</summary>
    private EngineKind Engine(YamlMappingNode map)
    {
        if (reader.OptionalWord(map, "engine") is not { } name) return WorkloadEngines.Process;
        try { return WorkloadEngines.Resolve(name); }
        catch (UnknownNameException e) { throw reader.Error(reader.Child(map, "engine")!, e.Message); }
    }

    private IEnumerable<string> DumpArguments(YamlMappingNode map, EngineKind engine)
    {
        foreach (var node in reader.Sequence(map, "criu_dump_args", required: false, "[--tcp-established]"))
        {
            var argument = reader.Scalar(node);
            if (DumpArgumentRules.Problem(engine.Capabilities, argument) is { } problem)
                throw reader.Error(node, $"criu_dump_args '{argument}' is refused: {problem}");
            yield return argument;
        }
    }
}
