using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// For strategies that copy a checkpoint made on the source's own disk: the images directory, the
/// same path on both hosts, and what moves with it (the images and the workload's directory, as
/// paths relative to <see cref="HostPaths.Disk"/>).
/// </summary>
internal static class LocalCheckpoint
{
    public static string ImagesDirectory(TransferRequest request) => HostPaths.ImagesDirectory(request.MigrationId);

    public static IReadOnlyList<string> Members(TransferRequest request) =>
        [TarTransfer.RelativeToDisk(ImagesDirectory(request)), TarTransfer.RelativeToDisk(request.WorkloadDirectory)];

    /// <summary>A pre-copy round moves its images only: the workload's files move with the final checkpoint.</summary>
    public static IReadOnlyList<string> RoundMembers(TransferRequest request) => [TarTransfer.RelativeToDisk(ImagesDirectory(request))];

    /// <summary>An empty round directory on the source, none left from an earlier round of the same name on the destination.</summary>
    public static async Task PrepareRoundAsync(TransferRequest request, CancellationToken ct)
    {
        await request.Source.RemoveAsync(ImagesDirectory(request), ct);
        await request.Source.MakeDirectoryAsync(ImagesDirectory(request), ct);
        await request.Destination.RemoveAsync(ImagesDirectory(request), ct);
    }

    /// <summary>An empty images directory on the source; on the destination no earlier copy that could mix with the new one.</summary>
    public static async Task PrepareAsync(TransferRequest request, CancellationToken ct)
    {
        await request.Source.RemoveAsync(ImagesDirectory(request), ct);
        await request.Source.MakeDirectoryAsync(ImagesDirectory(request), ct);
        await request.Destination.RemoveAsync(request.WorkloadDirectory, ct);
        await request.Destination.RemoveAsync(ImagesDirectory(request), ct);
    }

    public static async Task RemoveAsync(TransferRequest request)
    {
        await request.Source.RemoveAsync(ImagesDirectory(request));
        await request.Destination.RemoveAsync(ImagesDirectory(request));
    }
}
