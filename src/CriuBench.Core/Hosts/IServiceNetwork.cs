namespace CriuBench.Hosts;

/// <summary>
/// Where a service workload's clients reach it: a client host that is never migrated, and a
/// service address that lives on the host the service runs on and moves with it at the seam, so
/// the clients keep talking to the same address (and, with --tcp-established, the same connections).
/// </summary>
public interface IServiceNetwork
{
    /// <summary>The host the clients run on; not one of the migration hosts.</summary>
    IHost Client { get; }

    /// <summary>The address services bind to and clients connect to.</summary>
    string Address { get; }

    /// <summary>
    /// Moves the address from the host named <paramref name="from"/> to <paramref name="to"/>, where it
    /// arrives closed: local there, so the restored sockets bind to it, but not yet reachable. A
    /// client's retransmission that reached the destination before its socket was restored would be
    /// answered with a reset, and the kept connection lost (seen in CI: 1 of 8 migrations).
    /// Inside the stop window, so only what a user would type. Moving it to where it already is changes nothing.
    /// </summary>
    Task MoveAsync(string from, string to, CancellationToken ct);

    /// <summary>Opens the address on the host named <paramref name="on"/> once the service's sockets are there: clients reach it again.</summary>
    Task OpenAsync(string on, CancellationToken ct);
}
