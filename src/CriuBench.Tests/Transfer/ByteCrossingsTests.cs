using CriuBench.Measurements;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

[Trait("Category", "Unit")]
public sealed class ByteCrossingsTests
{
    [Fact]
    public void Every_registered_strategy_says_when_its_bytes_cross_the_link() =>
        Assert.All(TransferStrategies.Names, name => Assert.Contains(name, ByteCrossings.Strategies));
}
