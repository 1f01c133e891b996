using System.Globalization;
using System.Reflection;
using CriuBench.Hosts;
using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Measurements;

/// <summary>
/// The column tables are the schema: every column is written, read back and (where it names a
/// metric) summarised, and every member of the row has its column. A column left out of the writer,
/// the reader or the summary, or a getter and setter that name different members, fails here.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ColumnTableTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Every_column_of_migrations_csv_is_written_and_read_back()
    {
        var row = Filled(MigrationRecord.Columns, MigrationRecord.Blank);
        var path = _dir.File("migrations.csv");

        await MigrationsCsv.WriteAsync(path, [row]);
        var read = Assert.Single(await MigrationsCsv.ReadAsync(path));

        Assert.Equal(string.Join(',', MigrationRecord.Columns.Select(c => c.Name)), (await File.ReadAllLinesAsync(path))[0]);
        Assert.Equal(row, read);
        foreach (var column in MigrationRecord.Columns) Assert.Equal(column.Format(row), column.Format(read));
    }

    [Fact]
    public async Task Every_column_of_iterations_csv_is_written_and_read_back()
    {
        var row = Filled(IterationRecord.Columns, IterationRecord.Blank);
        var path = _dir.File("iterations.csv");

        await using (var writer = await IterationsCsvWriter.OpenAsync(path)) await writer.AppendAsync(row, CancellationToken.None);
        var read = Assert.Single(await IterationsCsv.ReadAsync(path));

        Assert.Equal(IterationsCsvWriter.HeaderLine, (await File.ReadAllLinesAsync(path))[0]);
        Assert.Equal(string.Join(',', IterationRecord.Columns.Select(c => c.Name)), IterationsCsvWriter.HeaderLine);
        Assert.Equal(row, read);
    }

    [Fact]
    public void Every_member_of_a_row_has_a_column_that_sets_it()
    {
        AssertEveryMemberSet(Filled(MigrationRecord.Columns, MigrationRecord.Blank), MigrationRecord.Blank);
        AssertEveryMemberSet(Filled(IterationRecord.Columns, IterationRecord.Blank), IterationRecord.Blank);
    }

    [Fact]
    public void Every_column_that_names_a_metric_is_summarised_with_its_unit_and_value()
    {
        var row = Filled(MigrationRecord.Columns, MigrationRecord.Blank) with { Succeeded = true };

        var summary = Summarizer.Summarize([row]);

        var summarised = MigrationRecord.Columns.Where(c => c.Metric is not null).ToList();
        Assert.NotEmpty(summarised);
        foreach (var column in summarised)
        {
            var metric = Assert.Single(summary, r => r.Metric == column.Metric);
            Assert.Equal(column.Unit, metric.Unit);
            Assert.Equal(column.Value!(row), metric.Median);
            Assert.Equal(column.Description, Metrics.Named(column.Metric!).Description);
        }
    }

    [Fact]
    public void Column_and_metric_names_are_unique_snake_case_and_numbers_carry_a_unit()
    {
        foreach (var names in new[] { MigrationRecord.Columns.Select(c => c.Name), IterationRecord.Columns.Select(c => c.Name), Metrics.All.Select(m => m.Name) })
        {
            var list = names.ToList();
            Assert.Equal(list.Count, list.Distinct().Count());
            Assert.All(list, name => Assert.Matches("^[a-z][a-z0-9_]*$", name));
        }
        Assert.All(MigrationRecord.Columns.Where(c => c.Value is not null), c => Assert.NotEmpty(c.Unit));
        Assert.All(MigrationRecord.Columns, c => Assert.False(c.Description.EndsWith('.'), c.Name));
    }

    [Fact]
    public async Task A_file_without_every_optional_column_reads_with_the_defaults()
    {
        var row = Filled(MigrationRecord.Columns, MigrationRecord.Blank);
        var path = _dir.File("migrations.csv");
        await MigrationsCsv.WriteAsync(path, [row]);
        await DropColumnsAsync(path, MigrationRecord.Columns.Where(c => c.Optional).Select(c => c.Name).ToHashSet());

        var read = Assert.Single(await MigrationsCsv.ReadAsync(path));

        Assert.Equal("cold", read.Mode);
        Assert.Equal("", read.Parameters);
        Assert.Null(read.LinkBytes);
        foreach (var column in MigrationRecord.Columns.Where(c => !c.Optional)) Assert.Equal(column.Format(row), column.Format(read));
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_with_the_column_name()
    {
        var path = _dir.File("migrations.csv");
        await MigrationsCsv.WriteAsync(path, [Filled(MigrationRecord.Columns, MigrationRecord.Blank)]);
        await DropColumnsAsync(path, new HashSet<string> { "stop_time_ms" });

        var e = await Assert.ThrowsAsync<RunFileException>(() => MigrationsCsv.ReadAsync(path));

        Assert.Contains("no column 'stop_time_ms'", e.Message);
    }

    [Fact]
    public async Task A_bad_value_names_its_line_and_column()
    {
        var path = _dir.File("migrations.csv");
        await MigrationsCsv.WriteAsync(path, [Filled(MigrationRecord.Columns, MigrationRecord.Blank)]);
        var lines = await File.ReadAllLinesAsync(path);
        var at = Array.IndexOf(lines[0].Split(','), "parameters");
        var fields = lines[1].Split(',');
        fields[at] = "mib";
        await File.WriteAllLinesAsync(path, [lines[0], string.Join(',', fields)]);

        var e = await Assert.ThrowsAsync<RunFileException>(() => MigrationsCsv.ReadAsync(path));

        Assert.Contains("migrations.csv:2 (column parameters): parameter 'mib' is not key=value", e.Message);
    }

    [Fact]
    public async Task A_file_from_before_the_parameters_column_still_reads_with_no_parameters()
    {
        var path = _dir.File("migrations.csv");
        File.Copy(SamplePath, path);
        await DropColumnsAsync(path, new HashSet<string> { "parameters" });
        Assert.DoesNotContain("parameters", (await File.ReadAllLinesAsync(path))[0].Split(','));

        var records = await MigrationsCsv.ReadAsync(path);

        Assert.Equal(390, records.Count);
        Assert.All(records, r => Assert.Equal("", r.Parameters));
        Assert.Contains(records, r => r.Workload == "memory-256m" && r.ImageBytes > 256L << 20);
    }

    [Fact]
    public async Task The_committed_sample_written_again_is_the_same_file()
    {
        var path = _dir.File("migrations.csv");

        var records = await MigrationsCsv.ReadAsync(SamplePath);
        await MigrationsCsv.WriteAsync(path, records);

        Assert.Contains(records, r => r.Parameters == "mib=256;dirty_mib_per_s=0;data=random");
        Assert.Equal(await File.ReadAllTextAsync(SamplePath), await File.ReadAllTextAsync(path));
    }

    private static string SamplePath =>
        Path.Combine(Path.GetDirectoryName(WorkloadAssets.Directory)!, "results", "sample", RunFiles.Migrations);

    /// <summary>
    /// A row with every column set from its own text, each different (the i-th column holds i), so a
    /// getter that reads another member's value, or a setter that sets another member, shows.
    /// </summary>
    private static TRow Filled<TRow>(IReadOnlyList<Column<TRow>> columns, TRow blank)
    {
        var row = blank;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (column.Parse is not { } parse) continue;
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            var set = false;
            foreach (var text in new[] { $"{n}.25", n, "true", $"k{n}=v{n};x=1" })
            {
                TRow candidate;
                try { candidate = parse(row, text); }
                catch (FormatException) { continue; }
                if (column.Format(candidate) != text) continue;
                row = candidate;
                set = true;
                break;
            }
            Assert.True(set, $"no test value reads back through column {column.Name}");
        }
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Parse is not null) Assert.NotEqual(columns[i].Format(blank), columns[i].Format(row));
        return row;
    }

    private static void AssertEveryMemberSet<TRow>(TRow filled, TRow blank)
    {
        foreach (var property in typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            Assert.False(Equals(property.GetValue(filled), property.GetValue(blank)), $"{typeof(TRow).Name}.{property.Name} has no column that sets it");
    }

    private static async Task DropColumnsAsync(string path, IReadOnlySet<string> drop)
    {
        var lines = await File.ReadAllLinesAsync(path);
        var header = lines[0].Split(',');
        var keep = Enumerable.Range(0, header.Length).Where(i => !drop.Contains(header[i])).ToList();
        await File.WriteAllLinesAsync(path, lines.Select(line => string.Join(',', keep.Select(i => line.Split(',')[i]))));
    }
}
