using System.CommandLine;
using System.Globalization;
using CriuBench.Comparing;
using CriuBench.Reporting;
using Command = System.CommandLine.Command;

namespace CriuBench.Cli;

/// <summary>
/// `compare BASE NEW`: every configuration the two runs share, side by side, as text on stdout and
/// (with --out) comparison.txt, .md and .html. Exit 0: nothing got worse; 3: a stop time regressed
/// (see <see cref="RunComparer"/>); 4: nothing in common; 2: bad input.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var baseRun = new Argument<string>("base") { Description = "the run to compare against, e.g. results/20261203-101500-default" };
        var newRun = new Argument<string>("new") { Description = "the run being judged, e.g. results/latest" };
        var threshold = new Option<string?>("--threshold") { Description = "how much longer a stop time may get before it is a regression, e.g. 5% (default) or 0.05" };
        var output = new Option<string?>("--out") { Description = "also write comparison.txt, comparison.md and comparison.html into this directory" };
        var command = new Command("compare", "compare two runs: ratio of medians, Hodges-Lehmann shift and Mann-Whitney test per shared configuration; "
            + "exit 0 when nothing got worse, 3 when a stop time regressed by more than --threshold, 4 when the runs share nothing")
        {
            baseRun, newRun, threshold, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var verdict = ComparisonVerdict.NoRegression;
            var code = await CliErrors.GuardAsync(async () =>
            {
                var limit = Threshold(parse.GetValue(threshold));
                var first = await LoadAsync(parse.GetValue(baseRun)!, ct);
                var second = await LoadAsync(parse.GetValue(newRun)!, ct);
                var comparison = RunComparer.Compare(first, second, limit);
                Console.Write(ComparisonText.Render(comparison));
                if (parse.GetValue(output) is { } directory)
                {
                    if (directory.Length == 0) throw new UsageException("--out is empty: give a directory, e.g. --out results/compare");
                    Directory.CreateDirectory(directory);
                    await File.WriteAllTextAsync(Path.Combine(directory, "comparison.txt"), ComparisonText.Render(comparison), ct);
                    await File.WriteAllTextAsync(Path.Combine(directory, "comparison.md"), ComparisonMarkdown.Render(comparison), ct);
                    await File.WriteAllTextAsync(Path.Combine(directory, "comparison.html"), ComparisonHtml.Render(comparison), ct);
                }
                verdict = comparison.Verdict;
            });
            return code != ExitCodes.Success ? code : verdict switch
            {
                ComparisonVerdict.Regression => ExitCodes.Regression,
                ComparisonVerdict.NothingInCommon => ExitCodes.NothingToCompare,
                _ => ExitCodes.Success,
            };
        });
        return command;
    }

    private static async Task<ComparedRun> LoadAsync(string given, CancellationToken ct)
    {
        if (given.Length == 0) throw new UsageException("compare needs two run directories, e.g. criubench compare results/A results/latest");
        if (!Directory.Exists(given)) throw new UsageException($"run directory {given} does not exist: give one such as results/latest");
        foreach (var file in new[] { RunFiles.Migrations, RunFiles.Environment })
            if (!File.Exists(Path.Combine(given, file)))
                throw new UsageException($"{given} has no {file}: give a run directory (with migrations.csv and environment.csv)");
        return await ComparedRuns.LoadAsync(given, ct);
    }

    /// <summary>"5%", "5 %" or "0.05"; from 0 to 1000%.</summary>
    internal static double Threshold(string? text)
    {
        if (text is null) return RunComparer.DefaultThreshold;
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        var number = percent ? trimmed[..^1].Trim() : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
            throw new UsageException($"--threshold '{text}' is not a number: give a share such as 5% or 0.05");
        var share = percent ? value / 100 : value;
        return share is >= 0 and <= 10 ? share : throw new UsageException($"--threshold '{text}' must be from 0% to 1000%, e.g. 5%");
    }
}
