using System.Text.RegularExpressions;

namespace CriuBench.Suites;

/// <summary>
/// Names that become parts of paths, directory names and container names (suite and workload
/// names): checked at load, so a '/' or '..' never reaches a path, tar or mkdir.
/// </summary>
public static partial class SafeName
{
    public const int MaxLength = 40;

    public const string Rule = "1-40 letters, digits, '-', '_' or '.', starting with a letter or digit";

    /// <summary>Null when <paramref name="name"/> is safe; otherwise why not, for a message.</summary>
    public static string? Problem(string name) =>
        name.Length == 0 ? "is empty"
        : name.Length > MaxLength ? $"is {name.Length} characters long"
        : !Pattern().IsMatch(name) ? "holds characters a path or container name cannot"
        : name.Contains("..", StringComparison.Ordinal) ? "holds '..'"
        : null;

    /// <summary>A safe name made from any text (e.g. a file name): unsafe characters become '-'.</summary>
    public static string From(string text)
    {
        var cleaned = Unsafe().Replace(text, "-").Trim('-', '.', '_').Replace("..", "-", StringComparison.Ordinal);
        cleaned = cleaned.Length > MaxLength ? cleaned[..MaxLength] : cleaned;
        return cleaned.Length == 0 ? "suite" : cleaned;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
