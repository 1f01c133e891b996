namespace CriuBench.Benchmarks;

/// <summary>Finds src/CriuBench.Tests/TestData from wherever BenchmarkDotNet runs the benchmark process (inside the repository).</summary>
internal static class TestData
{
    public static string Directory(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CriuBench.Tests", "TestData", name);
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"src/CriuBench.Tests/TestData/{name} not found above {AppContext.BaseDirectory}: run the benchmarks from the repository");
    }
}
