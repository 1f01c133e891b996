using CriuBench.Logging;
using CriuBench.Transfer.SharedFilesystem;

namespace CriuBench.Transfer;

/// <summary>
/// The images on NFS exported by the first host's kernel NFS server and mounted by every host
/// (refused when the suite loads on hosts whose kernel or packages cannot do it).
/// </summary>
public sealed class NfsTransfer(ILog? log = null) : SharedFilesystemTransfer(new NfsSharedFilesystem(log), log)
{
    public const string StrategyName = "nfs";

    public override string Name => StrategyName;
}
