using CriuBench.Migration.PreCopy;
using CriuBench.Preflight;
using CriuBench.Vocabulary;

namespace CriuBench.Migration.Modes;

/// <summary>The modes by the names a suite's `modes:` uses. A new mode is one class and one line here.</summary>
public static class MigrationModes
{
    private static readonly Registry<ModeKind> Kinds = new("mode",
    [
        (ModeNames.Cold, new(new(ModeNames.Cold), _ => new ColdMode())),
        (ModeNames.PreCopy, new(new(ModeNames.PreCopy) { PreDump = true }, options => new PreCopyMode(options.PreCopy.CreateRule()))),
        (ModeNames.Hybrid, new(new(ModeNames.Hybrid) { PreDump = true, LazyPages = true }, _ => new HybridMode(new PostCopyMode()))),
        (ModeNames.FilesPreCopy, new(new(ModeNames.FilesPreCopy) { LeaveRunning = true }, _ => new FilesPreCopyMode())),
        (ModeNames.PostCopy, new(new(ModeNames.PostCopy) { LazyPages = true }, _ => new PostCopyMode())),
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
