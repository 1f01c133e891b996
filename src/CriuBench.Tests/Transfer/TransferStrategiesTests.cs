using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

[Trait("Category", "Unit")]
public sealed class TransferStrategiesTests
{
    [Theory]
    [InlineData("tar"), InlineData("shared"), InlineData("sshfs"), InlineData("nfs"), InlineData("tar-ssh"), InlineData("tar-zstd"), InlineData("rsync"), InlineData("page-server")]
    public async Task Each_strategy_is_found_by_its_own_name(string name)
    {
        await using var strategy = TransferStrategies.Create(name);

        Assert.Equal(name, strategy.Name);
    }

    [Theory]
    [InlineData("shared"), InlineData("sshfs")]
    public async Task Shared_is_sshfs_by_its_older_name(string name)
    {
        await using var strategy = TransferStrategies.Create(name);

        Assert.IsType<SshfsTransfer>(strategy);
    }
}
