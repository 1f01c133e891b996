using CriuBench.Hosts;

namespace CriuBench.Migration;

/// <summary>What a checkpoint weighs: all image files, and the memory pages among them.</summary>
public sealed record ImageInventory(long ImageBytes, long PageBytes, int Files)
{
    public static async Task<ImageInventory> MeasureAsync(IHost host, string imagesDirectory, CancellationToken ct)
    {
        var images = (await host.ListFilesAsync(imagesDirectory, ct)).Where(file => file.Name.EndsWith(".img", StringComparison.Ordinal)).ToList();
        return new ImageInventory(
            images.Sum(file => file.Bytes),
            images.Where(file => file.Name.StartsWith("pages-", StringComparison.Ordinal)).Sum(file => file.Bytes),
            images.Count);
    }
}
