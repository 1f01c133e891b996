using System.Diagnostics.CodeAnalysis;

namespace CriuBench.Migration;

/// <summary>
/// What a phase of a migration came to: the value the next phase needs, or, when the phase failed,
/// the result the mode returns as it is (the phase already found where the workload runs).
/// </summary>
public sealed class PhaseOutcome<T> where T : class
{
    private PhaseOutcome(T? value, MigrationResult? end) => (Value, End) = (value, end);

    public T? Value { get; }

    /// <summary>The migration's result, when the phase ended it.</summary>
    public MigrationResult? End { get; }

    [MemberNotNullWhen(true, nameof(End))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool Ended => End is not null;

    public static PhaseOutcome<T> Went(T value) => new(value, null);

    public static PhaseOutcome<T> Stopped(MigrationResult end) => new(null, end);
}
