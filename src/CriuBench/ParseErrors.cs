using System.CommandLine;
using System.Text.RegularExpressions;

namespace CriuBench.Cli;

/// <summary>
/// System.CommandLine's own parse errors, reworded: one line that names the option or word and
/// says what to do, no .NET type names, and exit code 2.
/// </summary>
internal static partial class ParseErrors
{
    public static int Report(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var help = command.Parents.Any() ? $"criubench {CommandPath(command)} --help" : "criubench --help";
        // An unknown word explains the other errors it causes (e.g. a missing command), so it goes first.
        var first = parse.Errors.FirstOrDefault(e => Unrecognized().IsMatch(e.Message)) ?? parse.Errors[0];
        Console.Error.WriteLine($"error: {Reword(first.Message)}; see {help}");
        return ExitCodes.BadInput;
    }

    public static string Reword(string message)
    {
        if (Unrecognized().Match(message) is { Success: true } unknown)
            return $"'{unknown.Groups[1].Value}' is not an option or command here";
        if (MissingValue().Match(message) is { Success: true } missing)
            return missing.Groups[1].Value == "option"
                ? $"{missing.Groups[2].Value} needs a value after it"
                : $"'{missing.Groups[2].Value}' needs an argument, e.g. criubench report results/latest";
        if (Repeated().Match(message) is { Success: true } repeated)
            return $"{repeated.Groups[1].Value} is given {repeated.Groups[2].Value} times: give it once";
        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            return "give a command: run, report, lab or doctor";
        if (CannotParse().Match(message) is { Success: true } bad)
            return $"'{bad.Groups[1].Value}' is not a valid value for {bad.Groups[2].Value}";
        return TypeName().Replace(message.TrimEnd('.'), "a value");
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? at = command; at is Command { Parents: var parents } c && parents.Any(); at = parents.First())
            names.Insert(0, c.Name);
        return string.Join(' ', names);
    }

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Required argument missing for (option|command): '(.*?)'")]
    private static partial Regex MissingValue();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for (?:option|command) '(.*?)'")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Option '(.*?)' expects a single argument but (\d+) were provided")]
    private static partial Regex Repeated();

    [GeneratedRegex(@"System\.[A-Za-z0-9_.`()\[\], ]+")]
    private static partial Regex TypeName();
}
