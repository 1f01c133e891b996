using CriuBench.Migration;
using CriuBench.Transfer;
using CriuBench.Migration.Modes;

namespace CriuBench.Tests.Support;

/// <summary>Suites built in code name their strategies and modes as a suite file does, resolved the same way.</summary>
internal static class Resolved
{
    public static IReadOnlyList<StrategyKind> Strategies(params string[] names) => [.. names.Select(TransferStrategies.Resolve)];

    public static IReadOnlyList<ModeKind> Modes(params string[] names) => [.. names.Select(MigrationModes.Resolve)];
}
