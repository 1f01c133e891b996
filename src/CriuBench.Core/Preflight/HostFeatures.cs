namespace CriuBench.Preflight;

/// <summary>
/// What one host is and can do, probed once per run before the first migration: versions for the
/// report, and the kernel features that decide which modes and strategies may run there.
/// </summary>
public sealed record HostFeatures
{
    public required string Host { get; init; }
    public required string Kind { get; init; }
    public string Kernel { get; init; } = "unknown";
    public string Distribution { get; init; } = "unknown";
    public string? CriuVersion { get; init; }
    public string? RuncVersion { get; init; }
    public string? PodmanVersion { get; init; }
    public int Cores { get; init; }
    public double MemoryGiB { get; init; }

    /// <summary>`criu check` passed; its complaint otherwise.</summary>
    public bool CriuWorks { get; init; }
    public string? CriuCheckOutput { get; init; }

    /// <summary>Soft-dirty tracking (CONFIG_MEM_SOFT_DIRTY): what `criu pre-dump` needs to find pages changed since the last one.</summary>
    public bool SoftDirty { get; init; }

    /// <summary>userfaultfd for another process's memory: what lazy pages (post-copy) need.</summary>
    public bool Uffd { get; init; }

    /// <summary>The host can mount NFS: the kernel has the nfs4 client and mount.nfs4 (nfs-common) is installed.</summary>
    public bool NfsClient { get; init; }

    /// <summary>The host can serve NFS: the kernel has nfsd and rpc.nfsd and exportfs (nfs-kernel-server) are installed.</summary>
    public bool NfsServer { get; init; }

    /// <summary>The kernel alone (a missing package is a different fix than a kernel without NFS).</summary>
    public bool NfsClientKernel { get; init; }
    public bool NfsServerKernel { get; init; }

    /// <summary>dockerd, containerd and /usr/bin/docker: what the docker engine starts its own daemon with.</summary>
    public bool Docker { get; init; }

    /// <summary>sshfs and /dev/fuse: what mounting a directory of another host over ssh needs.</summary>
    public bool Sshfs { get; init; }

    /// <summary>fs.pipe-max-size in bytes; CRIU's lazy page server needs a pipe bigger than the default 1 MiB.</summary>
    public long? PipeMaxSize { get; init; }

    /// <summary>CRIU dumped a probe holding TCP sockets with --tcp-established: what a service workload needs.</summary>
    public bool DumpsSockets { get; init; }

    /// <summary>Why the socket probe's dump failed (its last error line), if it did.</summary>
    public string? SocketDumpProblem { get; init; }

    public static HostFeatures Unknown(string host, string kind) => new() { Host = host, Kind = kind };
}
