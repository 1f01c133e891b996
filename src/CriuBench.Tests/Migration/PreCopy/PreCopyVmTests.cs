using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Measurements;
using CriuBench.Migration;
using CriuBench.Migration.PreCopy;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Migration.Modes;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Migration.PreCopy;

/// <summary>
/// CRIU pre-copy and hybrid for real (bare, and Podman's), on the two-VM QEMU lab (Debian 6.1 kernel: soft-dirty and
/// uffd; bookworm's CRIU 3.17.1), through the whole run loop, on the collection's shared VM lab
/// given as its hosts file (the path a user's own machines take).
/// </summary>
[Collection(CriuBench.Tests.Vm.VmLabCollection.Name)]
public class PreCopyVmTests(CriuBench.Tests.Vm.SharedVmLab lab)
{
    /// <summary>32 MiB, not dirtied: under emulation a round takes minutes, and even 1 MiB/s dirtied 69 % of it by the final dump (measured).
    /// Earlier: 32 MiB dirtied slowly: under TCG a round of 64 MiB takes seconds, so a few MiB/s already dirty a share of it.</summary>
    private static WorkloadSpec Allocator() =>
        BuiltinWorkloads.Create("memory", new Dictionary<string, string> { ["mib"] = "32", ["dirty_mib_per_s"] = "0" });

    /// <summary>
    /// One run on the shared VM lab (a boot costs minutes under emulation): the allocator pre-copied with
    /// p.haul's rule and migrated hybrid (one round, then lazily), each once with rsync (a migration
    /// takes minutes under emulation; the netns lab's tests go there and back).
    /// </summary>
    [Fact(Timeout = 30 * 60 * 1000)]
    public async Task Pre_copy_and_hybrid_migrate_the_allocator_between_the_vms_with_no_gap_and_rounds_that_fall_as_the_stop_rule_says()
    {
        var settings = new PreCopySettings { Rule = "phaul" };
        var (rows, rounds) = await RunOnVmsAsync([ModeNames.PreCopy, ModeNames.Hybrid], "rsync", settings, Allocator());

        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(row.Succeeded, row.FailureReason);
            Assert.Equal(0, row.CounterGap);
            var mine = rounds.Where(round => round.MigrationId.Contains($"-{row.Mode}-", StringComparison.Ordinal)
                    && round.MigrationId.EndsWith($"-r{row.Repetition:D3}", StringComparison.Ordinal))
                .OrderBy(round => round.Iteration).ToList();
            Assert.Equal(row.Iterations, mine.Count);
            // The first round carries the memory; the rounds after it and the final dump only what changed.
            Assert.True(mine[0].PagesWritten * 4096 >= Allocator().MinimumImageBytes, $"round 1 wrote {mine[0].PagesWritten} pages");
            if (row.Mode == ModeNames.Hybrid)
            {
                Assert.Equal(1, row.Iterations);
                Assert.Equal("once", row.StopRule);
                continue;
            }
            Assert.Equal("phaul", row.StopRule);
            AssertRoundsFollowTheRule(settings.CreateRule(), mine, row.StopReason);
            Assert.All(mine.Skip(1), round => Assert.True(round.PagesWritten < mine[0].PagesWritten && round.PagesSkippedParent > 0,
                $"round {round.Iteration}: {round.PagesWritten} written, {round.PagesSkippedParent} skipped"));
            Assert.True(row.CriuPagesWritten < mine[0].PagesWritten / 2, $"final dump wrote {row.CriuPagesWritten} pages, round 1 {mine[0].PagesWritten}");
        }
    }

    /// <summary>
    /// Podman's pre-copy: one `--pre-checkpoint --export` round, moved by tar while the container
    /// runs, then the `--with-previous` checkpoint holding only what changed since, restored with
    /// `--import-previous`. There and back: the way back pre-checkpoints a container that was itself
    /// restored from a chained checkpoint.
    /// </summary>
    [Fact(Timeout = 30 * 60 * 1000)]
    public async Task Podman_pre_copies_its_counter_in_one_round_there_and_back_with_no_gap_and_a_final_checkpoint_of_what_changed()
    {
        // A rule that would send a second round (the counter's pre-checkpoint writes a few dozen pages): Podman's one is the limit.
        var wantsMore = new PreCopySettings { Rule = "phaul", MinPages = 0 };
        var (rows, rounds) = await RunOnVmsAsync([ModeNames.PreCopy], "tar", wantsMore, BuiltinWorkloads.ByName("podman-counter"), repetitions: 2);

        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(row.Succeeded, row.FailureReason);
            Assert.Equal(0, row.CounterGap);
            Assert.Equal(1, row.Iterations);
            Assert.Contains("one pre-checkpoint", row.StopReason);
            var round = Assert.Single(rounds, round => round.MigrationId.EndsWith($"-r{row.Repetition:D3}", StringComparison.Ordinal));
            Assert.True(round.PagesWritten > 0 && row.CriuPagesWritten < round.PagesWritten,
                $"the round wrote {round.PagesWritten} pages, the final checkpoint {row.CriuPagesWritten}");
            Assert.True(row.EngineCheckpointTimeMs > 0 && row.EngineRestoreTimeMs > 0, "Podman's --print-stats were not read");
        }
    }

    /// <summary>Every round before the last must be one the rule let pass; after the last, the rule gives the row's reason.</summary>
    private static void AssertRoundsFollowTheRule(IStopRule rule, IReadOnlyList<IterationRecord> rounds, string? rowReason)
    {
        var stats = rounds.Select(round => new DumpStats(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero,
            round.PagesScanned ?? 0, round.PagesSkippedParent ?? 0, round.PagesWritten ?? 0, 0, null, null, null, null, null, null)).ToList();
        for (var n = 1; n < stats.Count; n++)
        {
            Assert.Null(rule.StopReason(stats[..n]));
            Assert.Equal("continue", rounds[n - 1].Decision);
        }
        Assert.Equal(rowReason, rule.StopReason(stats));
        Assert.Equal($"stop: {rowReason}", rounds[^1].Decision);
    }

    private async Task<(IReadOnlyList<MigrationRecord> Rows, IReadOnlyList<IterationRecord> Rounds)> RunOnVmsAsync(
        IReadOnlyList<string> modes, string strategy, PreCopySettings settings, WorkloadSpec workload, int repetitions = 1)
    {
        Requires.Root();
        using var results = new TempDirectory();
        var suite = new Suite
        {
            Name = "qvm",
            Hosts = await lab.HostsFileAsync(),
            Workloads = [workload],
            Strategies = Resolved.Strategies(strategy),
            Modes = [.. modes.Select(MigrationModes.Resolve)],
            Repetitions = repetitions,
            LinkRates = [LinkRate.Unlimited],
            PreCopy = settings,
        };
        var outcome = await new SuiteRunner(ProcessRunner.Instance, new CollectingLog()).RunAsync(suite, results.Path, "test", CancellationToken.None);
        var refused = await RefusalsCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.Refusals));
        Assert.True(refused.Count == 0, $"refused on the VM lab: {string.Join("; ", refused.Select(cell => cell.Reason))}");
        return (outcome.Records, await IterationsCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.Iterations)));
    }
}
