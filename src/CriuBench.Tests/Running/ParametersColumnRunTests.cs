using CriuBench.Execution;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Running;

/// <summary>A real run's rows carry each workload's parameters, from the spec through the migration to migrations.csv.</summary>
public class ParametersColumnRunTests
{
    [Fact(Timeout = 600_000)]
    public async Task A_memory_workload_s_rows_carry_its_parameters_and_the_counter_s_none()
    {
        Requires.Criu();
        Requires.Tool("gnuplot", "gnuplot-nox");
        using var results = new TempDirectory();
        var suite = new Suite
        {
            Name = "params",
            Workloads = [BuiltinWorkloads.MemoryHog(16, dirtyMibPerSecond: 4), BuiltinWorkloads.ShellCounter()],
            Strategies = Resolved.Strategies("tar"),
            Repetitions = 1,
            LabName = "tprm",
        };

        var outcome = await new SuiteRunner(ProcessRunner.Instance, new CollectingLog()).RunAsync(suite, results.Path, "test", CancellationToken.None);

        var rows = await MigrationsCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.Migrations));
        Assert.All(rows, row => Assert.True(row.Succeeded, row.FailureReason));
        Assert.Equal([("memory-16m-d4", "mib=16;dirty_mib_per_s=4;data=random"), ("counter", "")], rows.Select(r => (r.Workload, r.Parameters)));
        Assert.Contains(",memory-16m-d4,mib=16;dirty_mib_per_s=4;data=random,process,tar,", await File.ReadAllTextAsync(Path.Combine(outcome.RunDirectory, RunFiles.Migrations)));
        Assert.True(CriuBench.Hosts.Lab.Lab.Status("tprm").IsAbsent);
    }
}
