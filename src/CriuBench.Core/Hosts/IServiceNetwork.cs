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
}
