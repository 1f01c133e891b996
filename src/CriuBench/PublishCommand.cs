using System.CommandLine;
using CriuBench.Publishing;
using Command = System.CommandLine.Command;

namespace CriuBench.Cli;

/// <summary>`publish RUN --site DIR`: adds a run to a GitHub Pages directory (index of runs, trend chart), as the workflow's last step does.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run-directory") { Description = "the run to publish, e.g. results/merged (its comparison with the previous run, if any, in its comparison/ directory)" };
        var site = new Option<string>("--site") { Description = "the Pages directory: runs/<run id>/, runs.csv, history.csv, trend.svg, index.html", Required = true };
        var command = new Command("publish", "add a run (report, charts, CSV files, comparison) to a static site with an index of runs and a trend chart of median stop times") { run, site };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var given = parse.GetValue(run)!;
            var siteDirectory = parse.GetValue(site)!;
            if (given.Length == 0 || !Directory.Exists(given)) throw new UsageException($"run directory '{given}' does not exist: give one such as results/latest");
            if (siteDirectory.Length == 0) throw new UsageException("--site is empty: give the Pages directory, e.g. --site site");
            Directory.CreateDirectory(siteDirectory);
            var published = await SitePublisher.PublishAsync(given, siteDirectory, ct);
            Console.WriteLine($"published {published.RunId} ({published.Migrations} migrations, CRIU {published.CriuVersion}) to {siteDirectory}"
                + (published.Verdict.Length > 0 ? $": {published.Verdict}" : ""));
        }));
        return command;
    }
}
