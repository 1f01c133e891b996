using System.Globalization;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>
/// The one CSV dialect CriuBench writes and reads: comma separated (never guessed), "\n" line ends,
/// invariant culture, UTF-8 without a byte order mark, booleans as true/false, null as an empty field.
/// </summary>
internal static class CsvDialect
{
    /// <summary>Strict: a damaged or cut file is an error with its line, never a row with fields silently missing.</summary>
    public static CsvReaderOptions Reader { get; } = CsvReaderOptions.Default with
    {
        Separator = ',',
        FormatProvider = CultureInfo.InvariantCulture,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MissingField = CsvMissingFieldHandling.Throw,
        MalformedData = CsvMalformedDataHandling.Throw,
        TrackLineNumbers = true,
    };

    public static CsvWriterOptions Writer { get; } = CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        TrueValue = "true",
        FalseValue = "false",
    };

    /// <summary>.NET's shortest text that parses back to the same double (what "R" means since .NET Core 3.0).</summary>
    public const string RoundTripDouble = "R";
}
