namespace CriuBench.Measurements;

/// <summary>
/// The parameters column: a workload's own parameters as <c>key=value</c> pairs joined by ';', in
/// the order the workload declares them (e.g. <c>mib=256;dirty_mib_per_s=50;data=random</c>), so
/// reports read a memory size or a dirty rate instead of guessing it from the workload's name.
/// Values are written as given: the workload renders its numbers in the invariant culture.
/// </summary>
public static class WorkloadParameters
{
    public const char Separator = ';';
    public const char Assignment = '=';

    /// <summary>The column's text; "" for none.</summary>
    /// <exception cref="ArgumentException">A key is empty, or a key or value holds ';', '=' or a line break.</exception>
    public static string Render(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join(Separator, parameters.Select(p =>
            Problem(p.Key, p.Value) is { } problem ? throw new ArgumentException(problem) : $"{p.Key}{Assignment}{p.Value}"));

    /// <summary>What is wrong with one parameter for the column, or null.</summary>
    public static string? Problem(string key, string value) =>
        key.Length == 0 ? "a parameter needs a name"
        : Unwritable(key) ? $"parameter name '{key}' holds '{Separator}', '{Assignment}' or a line break"
        : Unwritable(value) ? $"parameter {key}'s value '{value}' holds '{Separator}', '{Assignment}' or a line break"
        : null;

    /// <summary>The pairs of a column's text, in its order; none for "".</summary>
    /// <exception cref="FormatException">A pair has no '=' or no name.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text) =>
        text.Length == 0
            ? []
            : text.Split(Separator).Select(pair => pair.IndexOf(Assignment) is > 0 and var at
                ? new KeyValuePair<string, string>(pair[..at], pair[(at + 1)..])
                : throw new FormatException($"parameter '{pair}' is not key{Assignment}value")).ToList();

    /// <summary><paramref name="text"/> when it reads as pairs (a file's column is checked as it is read).</summary>
    /// <exception cref="FormatException">A pair has no '=' or no name.</exception>
    public static string Checked(string text)
    {
        _ = Parse(text);
        return text;
    }

    /// <summary>The value of <paramref name="key"/> in a column's text, or null.</summary>
    public static string? Get(string text, string key) =>
        Parse(text).FirstOrDefault(p => p.Key == key) is { Key: not null } found ? found.Value : null;

    private static bool Unwritable(string text) => text.AsSpan().IndexOfAny([Separator, Assignment, '\n', '\r']) >= 0;
}
