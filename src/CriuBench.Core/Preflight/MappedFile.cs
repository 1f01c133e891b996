namespace CriuBench.Preflight;

/// <summary>A file a workload maps, as one host has it: missing, or its size and build-id (null: it has none).</summary>
public sealed record MappedFile(string Path, long? Size, string? BuildId)
{
    public bool Exists => Size is not null;

    public string Describe() => !Exists ? "missing" : $"{Size} bytes, build-id {BuildId ?? "none"}";

    /// <summary>What CRIU's restore compares: the size, and the build-id where the file has one.</summary>
    public bool SameAs(MappedFile other) => Size == other.Size && BuildId == other.BuildId;
}
