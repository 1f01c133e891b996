using CriuBench.Execution;

namespace CriuBench.Tests.Scripts;

/// <summary>
/// scripts/build-criu.sh finds CRIU's tarball on a Debian machine (its own mirror's pool) and on
/// an Ubuntu one, as GitHub's runners are (deb.debian.org's pool), and only takes a pinned sha256.
/// The apt sources are a fixture directory, so the machine's own never matter.
/// </summary>
public sealed class BuildCriuScriptTests : IDisposable
{
    private const string Sha421 = "29ec0ee09e296479fe7048c80980e8ef1d0684d0b0204c2b101dfea19f6725b9";
    private readonly string _dir = Directory.CreateTempSubdirectory("criubench-build-criu-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact, Trait("Category", "Unit")]
    public async Task On_Debian_the_tarball_comes_from_the_machine_s_own_mirror()
    {
        WriteSources("debian.sources", """
            Types: deb
            URIs: http://ftp.example.org/debian/
            Suites: bookworm
            Components: main

            Types: deb
            URIs: http://security.example.org/debian-security
            Suites: bookworm-security
            Components: main
            """);

        var result = await RunAsync("--print-source", "4.2.1");

        Assert.Equal($"http://ftp.example.org/debian/pool/main/c/criu/criu_4.2.1.orig.tar.xz {Sha421}", result.StandardOutput.Trim());
    }

    [Fact, Trait("Category", "Unit")]
    public async Task On_Ubuntu_the_tarball_comes_from_deb_debian_org()
    {
        WriteSources("ubuntu.sources", """
            Types: deb
            URIs: http://azure.archive.ubuntu.com/ubuntu/
            Suites: noble noble-updates
            Components: main universe
            """);
        File.WriteAllText(Path.Combine(_dir, "sources.list"), "deb http://security.ubuntu.com/ubuntu noble-security main\n");

        var result = await RunAsync("--print-source", "4.1.1");

        Assert.StartsWith("https://deb.debian.org/debian/pool/main/c/criu/criu_4.1.1.orig.tar.xz ", result.StandardOutput);
    }

    [Fact, Trait("Category", "Unit")]
    public async Task A_version_without_a_pinned_checksum_is_refused_with_what_to_do()
    {
        WriteSources("debian.sources", "URIs: http://deb.debian.org/debian\n");

        var result = await RunAsync("--print-source", "9.9.9");

        Assert.False(result.Succeeded);
        Assert.Contains("CRIU 9.9.9 is not known here (known:", result.StandardError);
        Assert.Contains("add its tarball's sha256", result.StandardError);
    }

    /// <summary>The whole Ubuntu path for real: download from deb.debian.org (1 MB) and check the sha256.</summary>
    [Fact(Timeout = 120_000)]
    public async Task On_Ubuntu_the_tarball_is_downloaded_and_checked()
    {
        WriteSources("ubuntu.sources", "Types: deb\nURIs: http://archive.ubuntu.com/ubuntu\nSuites: noble\nComponents: main\n");

        var result = await RunAsync("--fetch-only", "4.2.1");

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Contains("criu_4.2.1.orig.tar.xz matches its sha256", result.StandardError);
        Assert.True(new FileInfo(Path.Combine(_dir, "cache", "criu-build", "criu_4.2.1.orig.tar.xz")).Length > 500_000);
    }

    private void WriteSources(string name, string text)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "sources.list.d"));
        File.WriteAllText(Path.Combine(_dir, "sources.list.d", name), text + "\n");
    }

    private Task<CommandResult> RunAsync(params string[] arguments) =>
        ProcessRunner.Instance.RunAsync(Command.Of("env",
            [$"CRIUBENCH_APT_ETC={_dir}", $"CRIUBENCH_CACHE={Path.Combine(_dir, "cache")}",
             Path.Combine(RepositoryScripts.Root, "scripts", "build-criu.sh"), .. arguments]).WithTimeout(TimeSpan.FromSeconds(100)));
}
