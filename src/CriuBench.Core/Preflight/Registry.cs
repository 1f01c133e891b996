namespace CriuBench.Preflight;

/// <summary>
/// The kinds of one thing (strategies, modes, engines) by the names suites and options use. A
/// name is resolved here once, when the suite or the command line is read; an unknown one is
/// refused with the names there are.
/// </summary>
public sealed class Registry<TKind>(string what, IReadOnlyList<(string Name, TKind Kind)> kinds) where TKind : class
{
    private readonly Dictionary<string, TKind> byName = kinds.ToDictionary(entry => entry.Name, entry => entry.Kind, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names { get; } = [.. kinds.Select(entry => entry.Name)];

    /// <exception cref="UnknownNameException">No kind has that name.</exception>
    public TKind Resolve(string name) =>
        byName.TryGetValue(name, out var kind)
            ? kind
            : throw new UnknownNameException($"unknown {what} '{name}': choose from {string.Join(", ", Names)}");
}

/// <summary>A name no registry knows; the message lists the known ones.</summary>
public sealed class UnknownNameException(string message) : ArgumentException(message);
