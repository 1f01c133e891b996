using CriuBench.Execution;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Hosts.Lab;

public sealed class ServiceResetHoldLab() : LabFixture("trh");

/// <summary>
/// On a real lab: a client's packet to the service address where no socket listens is answered
/// with a TCP reset, except while the host holds its resets back (as it does while a restore
/// recreates the service's sockets): then the packet goes unanswered and TCP would send it again.
/// </summary>
public sealed class ServiceResetHoldTests(ServiceResetHoldLab lab) : IClassFixture<ServiceResetHoldLab>
{
    [Fact(Timeout = 120_000)]
    public async Task A_held_host_answers_no_packet_with_a_reset_until_it_releases_them()
    {
        var services = lab.Lab.Services;
        Assert.Equal("refused", await ConnectAsync(services.Address)); // the address is on src, nothing listens there

        await services.HoldResetsAsync("src", CancellationToken.None);
        await services.HoldResetsAsync("src", CancellationToken.None); // held already: one rule
        Assert.Equal("timeout", await ConnectAsync(services.Address));

        await services.ReleaseResetsAsync("src", CancellationToken.None);
        Assert.Equal("refused", await ConnectAsync(services.Address));
        await services.ReleaseResetsAsync("src", CancellationToken.None); // nothing held: nothing to do
    }

    /// <summary>A TCP connect from the lab's client host to port 7999: "refused" (a reset came back), "timeout" (nothing did within 1 s) or "connected".</summary>
    private async Task<string> ConnectAsync(string address)
    {
        const string probe = """
            import socket, sys
            s = socket.socket(); s.settimeout(1)
            try: s.connect((sys.argv[1], 7999)); print("connected")
            except ConnectionRefusedError: print("refused")
            except socket.timeout: print("timeout")
            """;
        var result = await lab.Lab.Client.RunAsync(Command.Of("python3", "-c", probe, address), CancellationToken.None);
        Assert.True(result.Succeeded, result.StandardError);
        return result.StandardOutput.Trim();
    }
}
