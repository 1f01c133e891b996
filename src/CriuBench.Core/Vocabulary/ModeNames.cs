namespace CriuBench.Vocabulary;

/// <summary>
/// The migration modes by the names suites, options and result rows carry. The modes themselves
/// are made by MigrationModes, in the migration room; rooms that only read a row's mode compare with these.
/// </summary>
public static class ModeNames
{
    public const string Cold = "cold";
    public const string PreCopy = "precopy";
    public const string Hybrid = "hybrid";
    public const string FilesPreCopy = "files-precopy";
    public const string PostCopy = "postcopy";
}
