using System.Text;
using CliWrap;
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
        var firstRow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new StringBuilder();
        using var abandon = new CancellationTokenSource();
        var run = InterruptibleCli.Wrap(["run", "--lab", LabName, "--out", results.Path, "--workloads", "counter", "--strategies", "tar", "--repetitions", "100"])
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => { if (line.Contains("[  1/100]")) firstRow.TrySetResult(); }))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(abandon.Token); // cancelled only if the test fails before the run ends

        try
        {
            // Wait until a migration has finished, then interrupt as Ctrl-C does: SIGINT to the run alone.
            await Task.WhenAny(firstRow.Task, run.Task).WaitAsync(TimeSpan.FromSeconds(180));
            Assert.True(firstRow.Task.IsCompleted, $"no migration finished: {stderr}");
            Assert.True(ProcessSignals.Send(run.ProcessId, ProcessSignals.Interrupt));

            var result = await run.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(130, result.ExitCode);
            Assert.Contains("interrupted", stderr.ToString());

            var status = CriuBench.Hosts.Lab.Lab.Status(LabName);
            Assert.True(status.IsAbsent, $"left behind: {status}");
            var rows = await MigrationsCsv.ReadAsync(Path.Combine(results.Path, "latest", RunFiles.Migrations));
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.True(row.Succeeded, row.FailureReason));
        }
        finally
        {
            abandon.Cancel();
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
