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
    /// Moves the address from the host named <paramref name="from"/> to <paramref name="to"/>; inside
    /// the stop window, so only what a user would type. Moving it to where it already is changes nothing.
    /// </summary>
    Task MoveAsync(string from, string to, CancellationToken ct);

    /// <summary>
    /// Before the checkpoint, outside the stop window: the host named <paramref name="on"/> sends no
    /// TCP reset from the service address until <see cref="ReleaseResetsAsync"/>. A client's
    /// retransmission that reaches the destination after the address moved but before the restore
    /// recreated its socket would otherwise be answered with a reset, and the kept connection lost
    /// (seen in CI: 1 of 8 migrations); held back, TCP just sends it again. The address itself stays
    /// reachable, so nothing the restored service sends or is sent waits longer.
    /// </summary>
    Task HoldResetsAsync(string on, CancellationToken ct);

    /// <summary>Right after the restore returned: resets leave the host again (a service restored with --tcp-close needs them). Releasing what is not held does nothing.</summary>
    Task ReleaseResetsAsync(string on, CancellationToken ct);
}
