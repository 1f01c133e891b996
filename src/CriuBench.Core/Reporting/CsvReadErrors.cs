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
            await EnsureCompleteAsync(path);
            return await read();
        }
        catch (CsvFormatException e)
        {
            var line = e.LineNumber > 0 ? $":{e.LineNumber}" : e.RecordNumber > 0 ? $", record {e.RecordNumber}" : "";
            var column = e.Member is { Length: > 0 } member ? $" (column {Column(member)})" : "";
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

    /// <summary>Every row CriuBench writes ends with '\n': a file that does not was cut while being written.</summary>
    private static async Task EnsureCompleteAsync(string path)
    {
        await using var file = File.OpenRead(path);
        if (file.Length == 0) throw new RunFileException($"{path} is empty; {Advice}");
        file.Seek(-1, SeekOrigin.End);
        if (file.ReadByte() == '\n') return;
        file.Seek(0, SeekOrigin.Begin);
        var lines = 1;
        var buffer = new byte[65536];
        for (int n; (n = await file.ReadAsync(buffer)) > 0;) lines += buffer.AsSpan(0, n).Count((byte)'\n');
        throw new RunFileException($"{path}:{lines}: the last line is cut off (no line end): the file is truncated; remove that incomplete line");
    }

    /// <summary>"MigrationRecord.StopTimeMs" as its CSV column, "stop_time_ms".</summary>
    private static string Column(string member) =>
        PascalWord().Replace(member[(member.LastIndexOf('.') + 1)..], m => (m.Index > 0 ? "_" : "") + m.Value.ToLowerInvariant());

    [GeneratedRegex("[A-Z][a-z0-9]*")]
    private static partial Regex PascalWord();

    public const string Advice = "the file is damaged or truncated: restore it, or remove the broken line";

    /// <summary>Drops .NET type names ("System.Nullable`1[...]", "System.Double") from a message.</summary>
    private static string Plain(string message) =>
        TypeName().Replace(message.Split('\n')[0].Trim(), "a value of the right kind").TrimEnd('.');

    [GeneratedRegex(@"System\.[A-Za-z0-9_.`\[\], =]+")]
    private static partial Regex TypeName();
}
