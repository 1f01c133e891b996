using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CriuBench.Suites;

/// <summary>Typed access to YAML nodes with errors that carry the file and line.</summary>
internal sealed class NodeReader(string source)
{
    public string Source => source;

    public string Where(YamlNode node) => $"{source}:{node.Start.Line}";

    public SuiteException Error(YamlNode node, string message) => new($"{Where(node)}: {message}");

    public void RejectUnknownKeys(YamlMappingNode map, IReadOnlyCollection<string> known, string what)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name })
                throw Error(key, $"a {what} key must be a plain word: known keys are {string.Join(", ", known)}");
            if (!known.Contains(name))
                throw Error(key, $"unknown {what} key '{name}': known keys are {string.Join(", ", known)}");
        }
    }

    public YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public bool Has(YamlMappingNode map, string key) => Child(map, key) is not null;

    public string Scalar(YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(node, "expected a single value here, not a list or mapping");

    public string? OptionalScalar(YamlMappingNode map, string key) => Child(map, key) is { } node ? Scalar(node) : null;

    /// <summary>A non-empty value (an empty one is a mistake, not a default).</summary>
    public string? OptionalWord(YamlMappingNode map, string key) => Child(map, key) is { } node
        ? Scalar(node) is { Length: > 0 } value ? value : throw Error(node, $"'{key}' is empty: give it a value or remove it")
        : null;

    /// <summary>A list; when present it must hold at least one item.</summary>
    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode map, string key, bool required, string example) => Child(map, key) switch
    {
        YamlSequenceNode { Children.Count: > 0 } sequence => sequence.Children.ToList(),
        null when !required => [],
        null => throw Error(map, $"'{key}' is missing: give it as a list, e.g. {key}: {example}"),
        YamlSequenceNode sequence => throw Error(sequence, $"'{key}' is an empty list: give at least one item, e.g. {key}: {example}, or remove the key"),
        var node => throw Error(node, $"'{key}' must be a list, e.g. {key}: {example}"),
    };

    /// <summary>One value or a non-empty list of values.</summary>
    public IReadOnlyList<(string Text, YamlNode Node)> ScalarOrSequence(YamlMappingNode map, string key, string example) => Child(map, key) switch
    {
        null => [],
        YamlScalarNode scalar => [(Scalar(scalar), scalar)],
        YamlSequenceNode { Children.Count: > 0 } sequence => sequence.Children.Select(node => (Scalar(node), node)).ToList(),
        YamlSequenceNode sequence => throw Error(sequence, $"'{key}' is an empty list: give at least one value, e.g. {key}: {example}, or remove the key"),
        var node => throw Error(node, $"'{key}' must be a value or a list of values, e.g. {key}: {example}"),
    };

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    public int? Integer(YamlMappingNode map, string key, int min, int max, string unit = "")
    {
        if (Child(map, key) is not { } node) return null;
        var text = Scalar(node);
        var range = $"from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}{unit}";
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error(node, $"'{key}' must be a whole number {range}, not '{text}'");
        if (value < min || value > max)
            throw Error(node, $"'{key}' is {text}: it must be {range}");
        return (int)value;
    }

    public bool? Boolean(YamlMappingNode map, string key) => Child(map, key) is not { } node ? null : Scalar(node) switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        var text => throw Error(node, $"'{key}' must be true or false, not '{text}'"),
    };

    /// <summary>Runs a conversion that may throw a plain format error, and adds where it happened.</summary>
    public T Convert<T>(YamlNode at, string key, Func<T> convert)
    {
        try { return convert(); }
        catch (Exception e) when (e is FormatException or ArgumentException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw Error(at, $"{key}: {e.Message}");
        }
    }
}
