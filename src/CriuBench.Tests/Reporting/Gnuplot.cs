namespace CriuBench.Tests.Reporting;

/// <summary>Tests that draw charts need the real gnuplot; without it they fail and say so, never pass silently.</summary>
internal static class Gnuplot
{
    public static void RequireInstalled()
    {
        Assert.True(CriuBench.Execution.LocalSystem.IsInstalled("gnuplot"), "gnuplot is not installed (not on PATH); the chart tests run it for real. Install gnuplot-nox (scripts/setup.sh).");
    }

    public static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > signature.Length, $"{path} is empty");
        Assert.Equal(signature, bytes[..signature.Length]);
    }

    public static void AssertSvg(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        var text = File.ReadAllText(path);
        Assert.True(text.StartsWith("<?xml", StringComparison.Ordinal) || text.StartsWith("<svg", StringComparison.Ordinal), $"{path} does not start like an SVG");
        Assert.Contains("</svg>", text);
    }
}
