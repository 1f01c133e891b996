namespace CriuBench.Reporting;

/// <summary>Names of chart files made from workload names and link rates.</summary>
internal static class FileNames
{
    /// <summary>Letters, digits, '.' and '-' as they are; anything else becomes '_'.</summary>
    public static string Part(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
}
