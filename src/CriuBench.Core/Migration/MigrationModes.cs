using CriuBench.Migration.PreCopy;
using CriuBench.Preflight;

namespace CriuBench.Migration;

/// <summary>The modes by the names a suite's `modes:` uses. A new mode is one class and one line here.</summary>
public static class MigrationModes
{
    public const string Cold = "cold";
    public const string PreCopy = "precopy";
    public const string Hybrid = "hybrid";
    public const string FilesPreCopy = "files-precopy";
    public const string PostCopy = "postcopy";

    private static readonly Registry<ModeKind> Kinds = new("mode",
    [
        (Cold, new(new(Cold), _ => new ColdMode())),
        (PreCopy, new(new(PreCopy) { PreDump = true }, options => new PreCopyMode(options.PreCopy.CreateRule()))),
        (Hybrid, new(new(Hybrid) { PreDump = true, LazyPages = true }, _ => new HybridMode(new PostCopyMode()))),
        (FilesPreCopy, new(new(FilesPreCopy) { LeaveRunning = true }, _ => new FilesPreCopyMode())),
        (PostCopy, new(new(PostCopy) { LazyPages = true }, _ => new PostCopyMode())),
    ]);

    public static IReadOnlyCollection<string> Names => Kinds.Names;

    /// <exception cref="UnknownNameException">With the names there are.</exception>
    public static ModeKind Resolve(string name) => Kinds.Resolve(name);

    /// <summary>A mode by name, for tests and tools that drive one migration without a suite.</summary>
    public static IMigrationMode Create(string name, ModeOptions? options = null) => Resolve(name).Create(options ?? ModeOptions.Default);
}

/// <summary>What a suite says about how its modes behave (today: pre-copy's stop rule).</summary>
public sealed record ModeOptions(PreCopySettings PreCopy)
{
    public static ModeOptions Default { get; } = new(PreCopySettings.Default);
}
