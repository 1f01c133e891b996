using System.Globalization;

namespace CriuBench.Vocabulary;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (`run --shard I/N`): the cells of a suite's
/// plan, numbered in the plan's order from 0, go round-robin to the shards (cell c to shard
/// c mod N + 1), so every cell runs in exactly one shard, the same one every time the same suite
/// runs, and the shards differ by at most one cell. A shard is what a CI matrix (or any scheduler)
/// runs on one machine; `criubench merge` makes one run of them.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public const int MaxCount = 1000;

    /// <summary>The whole suite: one shard.</summary>
    public static Shard Whole { get; } = new(1, 1);

    public bool IsWhole => Count == 1;

    public bool Includes(int cell) => cell % Count == Index - 1;

    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";

    /// <exception cref="FormatException">Not I/N with 1 ≤ I ≤ N ≤ <see cref="MaxCount"/>.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount && index >= 1 && index <= count)
            return new Shard(index, count);
        throw new FormatException($"'{text}' is not a shard I/N with 1 <= I <= N <= {MaxCount}, e.g. 1/2");
    }
}
