using CriuBench.Execution;
using CriuBench.Hosts.Kinds;
using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Suites;

namespace CriuBench.Cli;

/// <summary>
/// `run --dry-run`: the hosts brought up and probed as the run would (under a lab name of its own,
/// so a run on the suite's lab is left alone), then removed; the plan printed (cells, refusals with
/// their reasons) with an estimate of the run's time and how it was made. Nothing is migrated and
/// no results directory is made.
/// </summary>
internal static class DryRun
{
    public static async Task RunAsync(Suite suite, string resultsRoot, CancellationToken ct)
    {
        var lab = PreviewLabName(suite.LabName);
        Console.WriteLine($"dry run of suite '{suite.Name}' on {suite.Hosts}: the hosts are brought up (lab '{lab}'), probed and removed; nothing is migrated, no results directory is made"
            + (suite.Hosts == "vm" ? "; booting the two VMs takes minutes" : ""));
        var preview = await HostsPreview.ProbeAsync(new HostsChoice(suite.Hosts, lab, ProcessRunner.Instance), suite.LinkRates[0], ConsoleLog.Instance, ct);
        Console.WriteLine($"hosts ({preview.Kind}): {string.Join("; ", preview.Features.Select(DoctorCommand.Describe))}");
        var plan = RunPlan.Build(suite, preview.Features, preview.CanShapeLink);

        Console.WriteLine($"planned: {plan.Cells.Count} cell(s) x {suite.Repetitions} repetition(s) = {plan.MigrationCount(suite.Repetitions)} migration(s)");
        var rows = plan.Cells.Select(cell => new[] { cell.Rate.Label, cell.Strategy.Name, cell.Mode.Name, $"{cell.Spec.Name} ({cell.Spec.Engine.Name})" }).ToList();
        foreach (var line in Table(["rate", "strategy", "mode", "workload (engine)"], rows)) Console.WriteLine("  " + line);
        Console.WriteLine($"refused: {plan.Refused.Count} cell(s)" + (plan.Refused.Count == 0 ? "" : ", each with why:"));
        foreach (var line in SuiteRunner.RefusalLines(plan.Refused)) Console.WriteLine("  " + line);
        if (preview.PairProblem is { } problem)
            throw new InvalidOperationException($"{problem} (a run would stop here, before the first migration)");
        if (plan.Cells.Count == 0)
            throw new SuiteException($"nothing in suite '{suite.Name}' can run on these hosts ({preview.Kind}): see the reasons above");

        var (earlier, earlierRun) = await EarlierRowsAsync(resultsRoot, ct);
        var estimate = RunEstimate.For(plan, suite.Repetitions, preview.UpTime, earlier, earlierRun);
        Console.WriteLine($"estimated time: {RunEstimate.Describe(estimate.Total)}, made of");
        foreach (var line in estimate.How) Console.WriteLine("  " + line);
    }

    /// <summary>The suite's lab name with "dry" in place of its end (lab names have at most 8 characters).</summary>
    public static string PreviewLabName(string lab) => lab[..Math.Min(lab.Length, 5)] + "dry";

    /// <summary>The rows of the results root's latest run, for typical migration times; none when there is none.</summary>
    private static async Task<(IReadOnlyList<MigrationRecord> Rows, string? Run)> EarlierRowsAsync(string resultsRoot, CancellationToken ct)
    {
        var latest = Path.Combine(resultsRoot, "latest", RunFiles.Migrations);
        if (!File.Exists(latest)) return ([], null);
        try
        {
            var run = new DirectoryInfo(Path.Combine(resultsRoot, "latest")).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetDirectoryName(latest)!;
            return (await MigrationsCsv.ReadAsync(latest, ct), run);
        }
        catch (Exception e) when (e is IOException or RunFileException or FormatException)
        {
            return ([], null); // an unreadable earlier run only means the model is used
        }
    }

    /// <summary>Columns padded to their widest cell.</summary>
    public static IEnumerable<string> Table(string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        yield return Line(header);
        foreach (var row in rows) yield return Line(row);
    }
}
