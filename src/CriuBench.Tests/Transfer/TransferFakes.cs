using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Tests.Support;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

/// <summary>Two fake hosts, each recording its own commands, and a request between them.</summary>
internal sealed class TransferFakes
{
    public const string MigrationId = "w1-x-r001";
    public const string Images = HostPaths.Disk + "/images/" + MigrationId;
    public const string WorkDir = HostPaths.Disk + "/work/w1";

    public FakeCommandRunner SourceRunner { get; }
    public FakeCommandRunner DestinationRunner { get; }
    public FakeHost Source { get; }
    public FakeHost Destination { get; }
    public TransferRequest Request { get; }

    public TransferFakes(
        Func<Command, (int, string, string)>? sourceAnswer = null,
        Func<Command, (int, string, string)>? destinationAnswer = null)
    {
        SourceRunner = new FakeCommandRunner { Answer = sourceAnswer ?? (command => IsStream(command) ? Stream() : (0, "", "")) };
        DestinationRunner = new FakeCommandRunner { Answer = destinationAnswer ?? (_ => (0, "", "")) };
        Source = new FakeHost("src", "198.18.0.1", SourceRunner);
        Destination = new FakeHost("dst", "198.18.0.2", DestinationRunner);
        Request = new TransferRequest(Source, Destination, MigrationId, WorkDir);
    }

    /// <summary>The ssh options to reach the destination, as every strategy must pass them.</summary>
    public IReadOnlyList<string> SshToDestination => Destination.Ssh.SshOptions;

    public static IReadOnlyList<string> Args(Command command) => [command.Program, .. command.Arguments];

    /// <summary>The sending end of a <see cref="ConnectedTarStream"/>, opened before the freeze.</summary>
    public static bool IsStream(Command command) =>
        command.Program == HostPaths.Assets + "/host/send-tar-stream.sh";

    /// <summary>How a stream's session answers: ready once the receiving tar runs, then what tar or dd said on stderr.</summary>
    public static (int, string, string) Stream(string stderr = "") => (0, "ready\n", stderr);

    /// <summary>Where this migration's stream waits for its start on the source.</summary>
    public const string StreamFifo = HostPaths.Disk + "/outbox/" + MigrationId + ".stream";

    /// <summary>The seam's signal to a stream: the word on the FIFO's stdin.</summary>
    public static bool IsSignal(Command command, string word) =>
        command.Program == "dd" && command.Arguments.SequenceEqual([$"of={StreamFifo}", "oflag=nonblock", "status=none"]) && command.StandardInput == word + "\n";
}
