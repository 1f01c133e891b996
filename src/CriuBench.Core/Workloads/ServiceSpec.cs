using CriuBench.Workloads.Output;

namespace CriuBench.Workloads;

/// <summary>
/// A workload that is a service: <see cref="WorkloadSpec.Command"/> is the service (what migrates),
/// and <see cref="Client"/> the program that uses it from the client host, never migrated, whose
/// progress lines are the workload's output (read by the same seam and whole-output analysis as any
/// workload's). <see cref="AddressPlaceholder"/> in either command line becomes the service address.
/// </summary>
public sealed record ServiceSpec
{
    public const string AddressPlaceholder = "{address}";

    /// <summary>The client's program and arguments; it prints "counter timestamp ..." per answered request.</summary>
    public required IReadOnlyList<string> Client { get; init; }

    /// <summary>Run once on the client host before the client starts (e.g. fill a dataset); null: none.</summary>
    public IReadOnlyList<string>? Fill { get; init; }

    /// <summary>Run once on the client host after the last migration; exit 0 means the data survived. Null: none.</summary>
    public IReadOnlyList<string>? Verify { get; init; }

    /// <summary>Dump and restore its TCP connections (--tcp-established); false closes them (--tcp-close), so clients reconnect.</summary>
    public bool TcpEstablished { get; init; } = true;

    /// <summary>How many TCP connections the client holds (connections_total).</summary>
    public int Connections { get; init; } = 1;

    /// <summary>Where the client's lines carry its own counts; null where it prints only counter and timestamp.</summary>
    public ClientFields? Fields { get; init; }

    /// <summary>The spec with the address in every command line.</summary>
    public ServiceSpec At(string address) => this with
    {
        Client = WithAddress(Client, address),
        Fill = Fill is null ? null : WithAddress(Fill, address),
        Verify = Verify is null ? null : WithAddress(Verify, address),
    };

    public static IReadOnlyList<string> WithAddress(IReadOnlyList<string> command, string address) =>
        [.. command.Select(argument => argument.Replace(AddressPlaceholder, address, StringComparison.Ordinal))];
}
