using System.Text;

namespace CriuBench.Workloads.Output;

/// <summary>
/// A workload's own verdict, declared in its suite (<c>check:</c>) and tested on every line of its
/// whole output: a field that must hold a value, or two fields that must be equal. Fields count from 1.
/// </summary>
public abstract record OutputCheck
{
    /// <summary>Whether <paramref name="line"/> passes; a line without the field fails.</summary>
    public abstract bool Holds(ReadOnlySpan<byte> line);

    /// <summary>The highest field number the check reads.</summary>
    public abstract int HighestField { get; }

    /// <summary>As the suite wrote it, for messages.</summary>
    public abstract string Describe();
}

/// <summary><c>check: {field: 4, equals: ok}</c></summary>
public sealed record FieldEquals(int Field, string Value) : OutputCheck
{
    private readonly byte[] _value = Encoding.UTF8.GetBytes(Value);

    public override bool Holds(ReadOnlySpan<byte> line) =>
        OutputFields.TryGet(line, Field, out var field) && field.SequenceEqual(_value);

    public override int HighestField => Field;

    public override string Describe() => $"field {Field} equals '{Value}'";

    // Equal by what the suite wrote; the cached bytes follow from it.
    public bool Equals(FieldEquals? other) => other is not null && Field == other.Field && Value == other.Value;

    public override int GetHashCode() => HashCode.Combine(Field, Value);
}

/// <summary><c>check: {fields_equal: [3, 4]}</c></summary>
public sealed record FieldsEqual(int First, int Second) : OutputCheck
{
    public override bool Holds(ReadOnlySpan<byte> line) =>
        OutputFields.TryGet(line, First, out var first) && OutputFields.TryGet(line, Second, out var second) && first.SequenceEqual(second);

    public override int HighestField => Math.Max(First, Second);

    public override string Describe() => $"fields {First} and {Second} are equal";
}
