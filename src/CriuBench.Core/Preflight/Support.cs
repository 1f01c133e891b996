namespace CriuBench.Preflight;

/// <summary>
/// Whether a mode, strategy or engine can do a given combination, and if not, why: asked when
/// the suite loads, so what cannot work is refused with its reason instead of failing as rows.
/// </summary>
public sealed record Support(string? Refusal)
{
    public static Support Yes { get; } = new((string?)null);

    public static Support No(string reason) => new(reason);

    public bool IsSupported => Refusal is null;

    /// <summary>Yes unless <paramref name="condition"/> is false, then No with the reason.</summary>
    public static Support Unless(bool condition, string reason) => condition ? Yes : No(reason);

    /// <summary>This answer, or the next check's where this one says yes.</summary>
    public Support Then(Func<Support> next) => IsSupported ? next() : this;
}
