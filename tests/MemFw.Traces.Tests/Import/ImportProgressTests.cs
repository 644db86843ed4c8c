using MemFw.Traces.Import;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Import;

public sealed class ImportProgressTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_WithProgress_ReportsGrowingByteCountsEndingAtTheInputSize()
    {
        // Two qemu captures and a RAM image, 1.6 MB on disk together: reports come every MiB and at the end.
        var a = _temp.WriteFile("a.qemu", Enumerable.Repeat(Fixture.Bytes(Fixture.Qemu), 40).SelectMany(b => b).ToArray());
        var b = _temp.WriteFile("b.qemu", Fixture.Bytes(Fixture.QemuIoWindow));
        var image = Fixture.Path(Fixture.RamFirst64);
        var total = new FileInfo(a).Length + new FileInfo(b).Length + new FileInfo(image).Length;
        var reports = new List<ImportProgress>();

        TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Qemu,
            Inputs = [InputSpec.Parse($"A={a}"), InputSpec.Parse($"B={b}")],
            RamImages = [InputSpec.Parse($"C={image}")],
            Output = _temp.Combine("trace"),
        }, new Recorder(reports));

        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal(total, r.BytesTotal));
        Assert.All(reports, r => Assert.InRange(r.BytesRead, 0, total));
        Assert.Equal(reports.Select(r => r.BytesRead).Order(), reports.Select(r => r.BytesRead));
        Assert.Equal(total, reports[^1].BytesRead);
    }

    [Fact]
    public void Import_Cancelled_ThrowsAndLeavesNothingBehind()
    {
        var parent = _temp.CreateSubdirectory("out");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Qemu,
            Inputs = [InputSpec.Parse(Fixture.Path(Fixture.Qemu))],
            Output = Path.Combine(parent, "trace"),
        }, cancellationToken: cancellation.Token));

        Assert.Empty(TempDirectory.Entries(parent));
    }

    /// <summary>Records reports synchronously, unlike <see cref="Progress{T}"/>, which posts them.</summary>
    private sealed class Recorder(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
