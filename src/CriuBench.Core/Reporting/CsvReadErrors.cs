using System.Text.RegularExpressions;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>Turns the CSV reader's failures into one line that names the file and line, without .NET type names.</summary>
internal static partial class CsvReadErrors
{
    public static async Task<T> GuardAsync<T>(string path, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (CsvFormatException e)
        {
            var line = e.LineNumber > 0 ? $":{e.LineNumber}" : "";
            var column = e.Member is { Length: > 0 } member ? $" (column {member})" : "";
            throw new RunFileException($"{path}{line}{column}: {Plain(e.InnerException?.Message ?? e.Message)}; {Advice}", e);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or CsvValidationException or OverflowException)
        {
            throw new RunFileException($"{path}: {Plain(e.Message)}; {Advice}", e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RunFileException($"{path} does not exist: a run directory holds migrations.csv and environment.csv", e);
        }
    }

    private const string Advice = "the file is damaged or truncated: restore it, or remove the broken line";

    /// <summary>Drops .NET type names ("System.Nullable`1[...]", "System.Double") from a message.</summary>
    private static string Plain(string message) =>
        TypeName().Replace(message.Split('\n')[0].Trim(), "a value of the right kind").TrimEnd('.');

    [GeneratedRegex(@"System\.[A-Za-z0-9_.`\[\], =]+")]
    private static partial Regex TypeName();
}
