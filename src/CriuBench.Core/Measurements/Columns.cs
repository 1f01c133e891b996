using System.Globalization;
using System.Numerics;

namespace CriuBench.Measurements;

/// <summary>
/// The kinds of <see cref="Column{TRow}"/> a results file holds, each with its invariant text:
/// a table line names the column, its getter and its setter, and the kind does the rest.
/// </summary>
public static class Columns<TRow>
{
    /// <summary>Text every row has (an empty field reads as "").</summary>
    public static Column<TRow> Key(string name, string description, Func<TRow, string> get, Func<TRow, string, TRow> set) => new()
    {
        Name = name,
        Description = description,
        Format = r => get(r),
        Parse = (r, text) => text is null ? r : set(r, text),
    };

    /// <summary>Text a row may lack: empty in the file, null in the row.</summary>
    public static Column<TRow> Text(string name, string description, Func<TRow, string?> get, Func<TRow, string?, TRow> set) => new()
    {
        Name = name,
        Description = description,
        Format = get,
        Parse = (r, text) => set(r, text is { Length: > 0 } ? text : null),
    };

    /// <summary>A column that follows from the others, written for people reading the file and ignored when reading it.</summary>
    public static Column<TRow> Derived(string name, string description, Func<TRow, string> get) => new()
    {
        Name = name,
        Description = description,
        Format = r => get(r),
    };

    public static Column<TRow> Flag(string name, string description, Func<TRow, bool> get, Func<TRow, bool, TRow> set) => new()
    {
        Name = name,
        Description = description,
        Format = r => get(r) ? "true" : "false",
        Parse = (r, text) => text is null ? r : set(r, bool.Parse(text)),
    };

    /// <summary>A whole number every row has (a repetition, a round).</summary>
    public static Column<TRow> Count(string name, string description, Func<TRow, int> get, Func<TRow, int, TRow> set) => new()
    {
        Name = name,
        Description = description,
        Format = r => get(r).ToString(CultureInfo.InvariantCulture),
        Parse = (r, text) => text is null ? r : set(r, int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)),
    };

    /// <summary>
    /// A measured number, null where the row does not know it; doubles are written in the shortest
    /// text that reads back to the same value. With <paramref name="metric"/> the summary reduces it.
    /// </summary>
    public static Column<TRow> Number<T>(string name, string unit, string description, Func<TRow, T?> get, Func<TRow, T?, TRow> set,
        string? metric = null) where T : struct, INumber<T> => new()
    {
        Name = name,
        Unit = unit,
        Description = description,
        Format = r => get(r) is { } value ? value.ToString(typeof(T) == typeof(double) ? RoundTrip : null, CultureInfo.InvariantCulture) : null,
        Parse = (r, text) => set(r, text is { Length: > 0 } ? T.Parse(text, typeof(T) == typeof(double) ? NumberStyles.Float : NumberStyles.Integer, CultureInfo.InvariantCulture) : null),
        Metric = metric,
        Value = r => get(r) is { } value ? double.CreateChecked(value) : null,
    };

    /// <summary>.NET's shortest text that parses back to the same double (what "R" means since .NET Core 3.0).</summary>
    private const string RoundTrip = "R";
}
