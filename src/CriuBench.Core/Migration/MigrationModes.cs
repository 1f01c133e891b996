using CriuBench.Migration.PreCopy;

namespace CriuBench.Migration;

/// <summary>The modes by the names a suite's `modes:` uses. A new mode is one class and one line here.</summary>
public static class MigrationModes
{
    public const string Cold = "cold";
    public const string PreCopy = "precopy";
    public const string Hybrid = "hybrid";
    public const string FilesPreCopy = "files-precopy";

    private static readonly Dictionary<string, Func<ModeOptions, IMigrationMode>> Factories = new()
    {
        [Cold] = _ => new ColdMode(),
        [PreCopy] = options => new PreCopyMode(options.PreCopy.CreateRule()),
        [Hybrid] = _ => new HybridMode(),
        [FilesPreCopy] = _ => new FilesPreCopyMode(),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static IMigrationMode Create(string name, ModeOptions? options = null) =>
        Factories.TryGetValue(name, out var create)
            ? create(options ?? ModeOptions.Default)
            : throw new ArgumentException($"unknown migration mode '{name}': choose from {string.Join(", ", Names)}");
}

/// <summary>What a suite says about how its modes behave (today: pre-copy's stop rule).</summary>
public sealed record ModeOptions(PreCopySettings PreCopy)
{
    public static ModeOptions Default { get; } = new(PreCopySettings.Default);
}
