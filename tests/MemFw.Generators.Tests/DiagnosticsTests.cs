using System.Runtime.CompilerServices;

namespace MemFw.Generators.Tests;

/// <summary>Every diagnostic is documented and tracked for release.</summary>
public sealed class DiagnosticsTests
{
    public static TheoryData<string> Ids => new(Diagnostics.All.Select(d => d.Id));

    [Fact]
    public void All_IdsAreConsecutiveFromMemfw000() =>
        Assert.Equal(
            Enumerable.Range(0, Diagnostics.All.Count()).Select(i => $"MEMFW{i:000}"),
            Diagnostics.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasADocumentationPage(string id)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md"));

        Assert.StartsWith($"# {id}:", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_IsTrackedInUnshippedReleases(string id)
    {
        var descriptor = Diagnostics.All.Single(d => d.Id == id);
        var releases = File.ReadLines(Path.Combine(RepositoryRoot(), "generators", "MemFw.Generators",
            "AnalyzerReleases.Unshipped.md"));

        var row = $"{id} | {Diagnostics.Category} | {descriptor.DefaultSeverity} |";
        Assert.Contains(releases, line => line.StartsWith(row, StringComparison.Ordinal));
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
