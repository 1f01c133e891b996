using System.Diagnostics;
using CriuBench.Execution;
using CriuBench.Reporting;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Cli;

/// <summary>Ctrl-C in the middle of a run: the rows so far are kept and nothing the run started is left behind.</summary>
public class InterruptTests
{
    private const string LabName = "tint";

    [Fact(Timeout = 300_000)]
    public async Task Interrupting_a_run_keeps_its_rows_and_removes_the_lab_and_workloads()
    {
        Requires.Criu();
        using var results = new TempDirectory();
        var cli = Path.Combine(AppContext.BaseDirectory, "criubench.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "run", "--lab", LabName, "--out", results.Path, "--workloads", "counter", "--strategies", "tar", "--repetitions", "100" })
            info.ArgumentList.Add(argument);
        using var run = Process.Start(info)!;
        var stderr = run.StandardError.ReadToEndAsync();

        // Wait until a migration has finished, then interrupt as Ctrl-C does.
        string? line;
        do line = await run.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        while (line is not null && !line.Contains("[  1/100]"));
        Assert.NotNull(line);
        Assert.True(ProcessSignals.Send(run.Id, ProcessSignals.Interrupt));

        try
        {
            await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(130, run.ExitCode);
            Assert.Contains("interrupted", await stderr);

            var status = CriuBench.Lab.Lab.Status(LabName);
            Assert.True(status.IsAbsent, $"left behind: {status}");
            var rows = await MigrationsCsv.ReadAsync(Path.Combine(results.Path, "latest", RunFiles.Migrations));
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.True(row.Succeeded, row.FailureReason));
        }
        finally
        {
            DeleteRescuedImages();
        }
    }

    // The interrupt usually lands in the next migration, whose images the lab's teardown keeps
    // for the user (KilledRunTests checks that); this test's copies are of no use to anyone.
    private static void DeleteRescuedImages()
    {
        const string rescueRoot = "/var/lib/criubench/rescued";
        if (!Directory.Exists(rescueRoot)) return;
        foreach (var directory in Directory.GetDirectories(rescueRoot, LabName + "-*"))
            Directory.Delete(directory, recursive: true);
    }
}
