using CriuBench.Hosts.Lab;
using CriuBench.Vocabulary;

namespace CriuBench.Tests.Hosts.Lab;

[Trait("Category", "Unit")]
public class TrafficShapingTests
{
    [Fact]
    public void A_rate_becomes_a_token_bucket_on_the_device()
    {
        var command = TrafficShaping.Shape("cb-x-s", LinkRate.Parse("1gbit"));
        Assert.Equal("tc", command.Program);
        Assert.Equal(["qdisc", "replace", "dev", "cb-x-s", "root", "tbf", "rate", "1000000000bit", "burst", "500000", "latency", "100ms"], command.Arguments);
    }

    [Fact]
    public void The_bucket_holds_at_least_one_full_size_gso_packet() =>
        Assert.Equal(32 * 1024, TrafficShaping.BurstBytes(LinkRate.Parse("10mbit")));

    [Fact]
    public void Unlimited_removes_the_shaping()
    {
        var command = TrafficShaping.Shape("cb-x-s", LinkRate.Unlimited);
        Assert.DoesNotContain("tbf", command.Arguments);
        Assert.Equal("pfifo_fast", command.Arguments[^1]);
    }
}
