using System.Globalization;
using CriuBench.Measurements;

namespace CriuBench.Comparing;

/// <summary>
/// The comparison as cells of text, once, for the three renderings (text, Markdown, HTML): one row
/// per configuration and metric, then the configurations only one run has.
/// </summary>
public static class ComparisonTable
{
    public static IReadOnlyList<string> Header(RunComparison c) =>
        ["workload", "engine", "strategy", "mode", "link", "metric", "base n", "base median", "new n", "new median",
            "ratio new/base [95% CI]", "shift [95% CI]", "p (Mann-Whitney)", "change"];

    public static IEnumerable<IReadOnlyList<string>> Rows(RunComparison c) =>
        c.Changes.Select(change => (IReadOnlyList<string>)
        [
            change.Configuration.Workload, change.Configuration.Engine, change.Configuration.Strategy, change.Configuration.Mode,
            change.Configuration.LinkRate, change.Metric.Name,
            Whole(change.Base.N), Value(change.Base.Median, change.Metric.Unit),
            Whole(change.New.N), Value(change.New.Median, change.Metric.Unit),
            Ratio(change.Ratio), Shift(change.Shift, change.Metric.Unit),
            change.Test.PValue.ToString("0.000", CultureInfo.InvariantCulture),
            Change(change),
        ]);

    /// <summary>Lines that say what could not be compared and why, beneath the table.</summary>
    public static IEnumerable<string> Notes(RunComparison c)
    {
        foreach (var b in c.Broken)
            yield return $"{RunComparison.Describe(b.Configuration)}: all {b.NewFailed} migration(s) failed in {c.New.Name} ({b.BaseSucceeded} succeeded in {c.Base.Name}): {b.Reason}";
        foreach (var only in c.OnlyInBase) yield return $"only in {c.Base.Name}: {RunComparison.Describe(only)}";
        foreach (var only in c.OnlyInNew) yield return $"only in {c.New.Name}: {RunComparison.Describe(only)}";
    }

    /// <summary>The two runs as one line each: name, CRIU, host kind, migrations.</summary>
    public static IEnumerable<string> Runs(RunComparison c) =>
        [Side("base", c.Base), Side("new", c.New),
            $"gate: a stop time significantly larger (Mann-Whitney, p < {RunComparer.Alpha.ToString(CultureInfo.InvariantCulture)}) with a ratio of medians above {(1 + c.Threshold).ToString("0.###", CultureInfo.InvariantCulture)}, or a configuration that no longer migrates"];

    private static string Side(string label, ComparedRun run) =>
        $"{label}: {run.Name} (CRIU {run.CriuVersion}, {run.HostKind}, {run.Records.Count} migrations, {run.Records.Count(r => !r.Succeeded)} failed)";

    private static string Change(MetricChange change) => change switch
    {
        { IsRegression: true } => "REGRESSION",
        { Direction: ChangeDirection.Worse } => "worse",
        { Direction: ChangeDirection.Better } => "better",
        { Shift.HasInterval: false } => "too few to tell",
        _ => "same",
    };

    private static string Whole(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(RatioEstimate? ratio) => ratio switch
    {
        null => "n/a",
        { HasInterval: true } => $"{F(ratio.MedianRatio, "0.000")} [{F(ratio.Lower!.Value, "0.000")}, {F(ratio.Upper!.Value, "0.000")}]",
        _ => $"{F(ratio.MedianRatio, "0.000")} [n too small]",
    };

    private static string Shift(ShiftEstimate shift, string unit) => shift.HasInterval
        ? $"{Signed(shift.Shift)} {unit} [{Signed(shift.Lower!.Value)}, {Signed(shift.Upper!.Value)}]"
        : $"{Signed(shift.Shift)} {unit} [n too small]";

    private static string Value(double v, string unit) => $"{F(v, Format(v))} {unit}";

    private static string Signed(double v) => (v >= 0 ? "+" : "") + F(v, Format(v));

    private static string Format(double v) => Math.Abs(v) >= 100 ? "0" : Math.Abs(v) >= 10 ? "0.0" : "0.00";

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
