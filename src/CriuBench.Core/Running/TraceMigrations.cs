using System.Globalization;
using CriuBench.Measurements;
using CriuBench.Timeline;

namespace CriuBench.Running;

/// <summary>What trace.json's slice of each migration says, from its row: the cell, how long it was stopped, how many bytes moved.</summary>
public static class TraceMigrations
{
    /// <summary>An instance's name, as its directory and its migrations' ids use it: &lt;workload&gt;-&lt;mode&gt;-&lt;strategy&gt;-&lt;link rate&gt;.</summary>
    public static string InstanceName(string workload, string mode, string strategy, string linkRate) =>
        $"{workload}-{mode}-{strategy}-{linkRate}".Replace('.', '_');

    public static string MigrationId(MigrationRecord row) =>
        $"{InstanceName(row.Workload, row.Mode, row.Strategy, row.LinkRate)}-r{row.Repetition.ToString("D3", CultureInfo.InvariantCulture)}";

    public static IReadOnlyList<TraceMigration> From(IEnumerable<MigrationRecord> rows) =>
        [.. rows.Select(row => new TraceMigration(MigrationId(row), Args(row), row.TransferredBytes))];

    private static Dictionary<string, object> Args(MigrationRecord row)
    {
        var args = new Dictionary<string, object>
        {
            ["workload"] = row.Workload,
            ["engine"] = row.Engine,
            ["strategy"] = row.Strategy,
            ["mode"] = row.Mode,
            ["rate"] = row.LinkRate,
            ["direction"] = row.Direction,
            ["succeeded"] = row.Succeeded,
        };
        if (row.StopTimeMs is { } stop) args["stop_time_ms"] = stop;
        if (row.TransferredBytes is { } sent) args["transferred_bytes"] = sent;
        if (row.ImageBytes is { } images) args["image_bytes"] = images;
        if (row.CounterGap is { } gap) args["counter_gap"] = gap;
        if (row.FailureReason is { } reason) args["failure"] = reason;
        return args;
    }
}
