using CriuBench.Execution;
using CriuBench.Preflight;

namespace CriuBench.Tests.Preflight;

public class PreflightChecksTests
{
    private static HostFeatures Host(string name, string? criu) => new() { Host = name, Kind = "ssh", CriuVersion = criu, CriuWorks = true };

    [Fact]
    public void Hosts_with_the_same_criu_pass()
    {
        Assert.Null(CriuVersionCheck.Problem([Host("src", "4.1.1"), Host("dst", "4.1.1")]));
    }

    [Fact]
    public void An_older_criu_is_named_with_the_version_to_install()
    {
        var problem = CriuVersionCheck.Problem([Host("src", "4.1.1"), Host("dst", "3.17.1")]);

        Assert.Equal("CRIU 3.17.1 on dst is older than CRIU 4.1.1 on src: dst cannot be sure to restore what src dumps, "
            + "and migrations go both ways; install CRIU 4.1.1 on dst", problem);
    }

    [Fact]
    public void Versions_compare_as_numbers_not_text()
    {
        Assert.True(CriuVersionCheck.ParseVersion("4.10") > CriuVersionCheck.ParseVersion("4.9.2"));
    }

    [Fact]
    public void A_host_without_criu_is_named()
    {
        Assert.StartsWith("CRIU is not installed on dst", CriuVersionCheck.Problem([Host("src", "4.1.1"), Host("dst", null)]));
    }

    [Fact]
    public async Task The_build_id_read_from_the_elf_notes_is_the_one_readelf_shows()
    {
        var readelf = await ProcessRunner.Instance.RunAsync(Command.Of("readelf", "-n", "/bin/bash"));
        if (!readelf.Succeeded) Assert.Fail("this test needs readelf (binutils)");
        var shown = readelf.StandardOutput.Split('\n').Single(line => line.Contains("Build ID:")).Split(':')[1].Trim();

        Assert.Equal(shown, ElfBuildId.Read(File.ReadAllBytes("/bin/bash").AsSpan(0, 65536)));
    }

    [Fact]
    public void A_file_that_is_not_elf_has_no_build_id()
    {
        Assert.Null(ElfBuildId.Read("#!/bin/bash\necho hello\n"u8.ToArray()));
    }
}
