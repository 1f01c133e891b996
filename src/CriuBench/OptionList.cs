namespace CriuBench.Cli;

/// <summary>
/// A list option as users type it: "--x a,b", "--x a b" or "--x a --x b". Empty items and
/// repeated items are mistakes (a stray comma, a name typed twice), not something to ignore.
/// </summary>
internal static class OptionList
{
    /// <summary>Null when the option was not given; otherwise its items, in order.</summary>
    public static List<string>? Parse(string option, string[]? values, string example)
    {
        if (values is null) return null;
        var items = new List<string>();
        foreach (var value in values)
        foreach (var item in value.Split(',').Select(item => item.Trim()))
        {
            if (item.Length == 0)
                throw new UsageException(values.All(v => v.Trim().Length == 0)
                    ? $"{option} is empty: give at least one, e.g. {option} {example}"
                    : $"{option} '{string.Join(',', values)}' has an empty item: separate items with single commas, e.g. {option} {example}");
            if (items.Contains(item))
                throw new UsageException($"{option} lists '{item}' twice: give each once, e.g. {option} {example}");
            items.Add(item);
        }
        return items.Count > 0 ? items : throw new UsageException($"{option} is empty: give at least one, e.g. {option} {example}");
    }
}
