using CriuBench.Preflight;

namespace CriuBench.Migration.Modes;

/// <summary>
/// A mode as a suite names it, resolved once: what it needs of the engine's CRIU is asked here;
/// <see cref="Create"/> makes the mode a run's cells share (modes keep no state between migrations).
/// </summary>
public sealed class ModeKind(ModeNeeds needs, Func<ModeOptions, IMigrationMode> create)
{
    public string Name => Needs.Name;

    public ModeNeeds Needs { get; } = needs;

    public IMigrationMode Create(ModeOptions options) => create(options);

    public override string ToString() => Name;
}
