using CriuBench.Execution;
using CriuBench.Migration;
using CriuBench.Migration.PreCopy;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;
using CriuBench.Migration.Modes;

namespace CriuBench.Tests.Running;

/// <summary>A whole run on the real netns lab, whose kernel has no soft-dirty tracking.</summary>
public class PreCopyRunTests
{
    [Fact(Timeout = 5 * 60 * 1000)]
    public async Task On_this_kernel_precopy_and_hybrid_are_refused_at_load_with_the_reason_and_files_precopy_runs_and_writes_iterations_csv()
    {
        Requires.Criu();
        using var results = new TempDirectory();
        var suite = new Suite
        {
            Name = "qpre",
            Workloads = [BuiltinWorkloads.ShellCounter()],
            Strategies = Resolved.Strategies("rsync"),
            Modes = Resolved.Modes(ModeNames.FilesPreCopy, ModeNames.PreCopy, ModeNames.Hybrid),
            Repetitions = 2,
            LabName = "qrun",
        };

        var log = new CollectingLog();
        var outcome = await new SuiteRunner(ProcessRunner.Instance, log).RunAsync(suite, results.Path, "test", CancellationToken.None);

        var refused = await RefusalsCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.Refusals));
        Assert.Equal([ModeNames.PreCopy, ModeNames.Hybrid], refused.Select(cell => cell.Mode));
        Assert.All(refused, cell => Assert.StartsWith(PreCopySupport.NoSoftDirty, cell.Reason));
        Assert.Equal(2, log.Warnings.Count(line => line.StartsWith("not supported:") && line.Contains("CONFIG_MEM_SOFT_DIRTY")));

        var rows = await MigrationsCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.Migrations));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.True(row.Succeeded, row.FailureReason);
            Assert.Equal(0, row.CounterGap);
            Assert.Equal(ModeNames.FilesPreCopy, row.Mode);
            Assert.Equal(1, row.Iterations);
            Assert.Equal(FilesPreCopyMode.RuleName, row.StopRule);
            Assert.True(row.LinkBytes > row.TransferredBytes, $"link {row.LinkBytes} <= final {row.TransferredBytes}");
        });

        var iterations = await File.ReadAllLinesAsync(Path.Combine(outcome.RunDirectory, RunFiles.Iterations));
        Assert.Equal(IterationsCsvWriter.HeaderLine, iterations[0]);
        Assert.Equal(3, iterations.Length);
        Assert.All(iterations.Skip(1), line => Assert.Contains(",files-precopy,rsync,", line));
        Assert.True(CriuBench.Hosts.Lab.Lab.Status("qrun").IsAbsent);
    }
}
