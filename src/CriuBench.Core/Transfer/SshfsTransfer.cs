using CriuBench.Logging;
using CriuBench.Transfer.SharedFilesystem;

namespace CriuBench.Transfer;

/// <summary>
/// The images on sshfs served by the first host (works on any host kind, the netns lab included).
/// "shared" is its older name, kept so existing suites and their rows stay as they were.
/// </summary>
public sealed class SshfsTransfer(string name = SshfsTransfer.StrategyName, ILog? log = null)
    : SharedFilesystemTransfer(new SshfsSharedFilesystem(), log)
{
    public const string StrategyName = "sshfs";
    public const string OlderName = "shared";

    public override string Name => name;
}
