using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Cli.Tests.Commands;

public sealed class TraceHeadCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1500)]
    [InlineData(4000)]
    public void Head_Count_WritesAValidTraceOfTheFirstRows(int n)
    {
        var source = ImportTwoVms();
        var rows = TraceFiles.ReadAccesses(source);
        var head = _temp.Combine("head");

        var result = CliRun.Succeeds("trace", "head", "-n", n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-o", head, source);

        Assert.Equal($"wrote {head}: {n:N0} accesses, 0 pages", Assert.Single(result.OutLines));
        Assert.Equal(rows.Take(n), TraceFiles.ReadAccesses(head));
        CliRun.Succeeds("trace", "validate", head);
    }

    [Fact]
    public void Head_DefaultCount_KeepsASmallTraceWhole()
    {
        var source = ImportTwoVms();
        var head = _temp.Combine("head");

        CliRun.Succeeds("trace", "head", "-o", head, source);

        Assert.Equal(TraceFiles.ReadAccesses(source), TraceFiles.ReadAccesses(head));
    }

    [Fact]
    public void Head_KeepsTheSnapshotsWithinTheRows()
    {
        var image = Fixture.Path(Fixture.RamFirst64);
        var source = _temp.Combine("source");
        CliRun.Succeeds("trace", "import", "-f", "vmsim", "-o", source, $"v={Fixture.Path(Fixture.Vmsim)}",
            "--ram", $"v@start={image}", "--ram", $"v@100={image}", "--ram", $"v@end={image}");
        var head = _temp.Combine("head");

        CliRun.Succeeds("trace", "head", "-n", "100", "-o", head, source);

        var times = TraceFiles.ReadPages(head).Select(p => p.Time).Distinct();
        Assert.Equal([0L, 100L], times);
        CliRun.Succeeds("trace", "validate", head);
    }

    [Fact]
    public void Head_NegativeCount_FailsWithOneLine()
    {
        var source = ImportTwoVms();

        var line = CliRun.FailsWithOneLine("trace", "head", "-n", "-5", "-o", _temp.Combine("head"), source);

        Assert.Contains("--count", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("head")));
    }

    [Fact]
    public void Head_ExistingOutput_FailsWithOneLineUnlessForced()
    {
        var source = ImportTwoVms();
        var head = _temp.Combine("head");
        CliRun.Succeeds("trace", "head", "-n", "10", "-o", head, source);

        var line = CliRun.FailsWithOneLine("trace", "head", "-n", "20", "-o", head, source);
        Assert.Contains(head, line, StringComparison.Ordinal);
        Assert.Equal(10, TraceFiles.ReadAccesses(head).Count);

        CliRun.Succeeds("trace", "head", "-n", "20", "-o", head, "--force", source);
        Assert.Equal(20, TraceFiles.ReadAccesses(head).Count);
    }

    private string ImportTwoVms()
    {
        var path = _temp.Combine("source");
        CliRun.Succeeds("trace", "import", "-f", "qemu", "-o", path,
            $"A={Fixture.Path(Fixture.Qemu)}", $"B={Fixture.Path(Fixture.QemuIoWindow)}");
        Assert.Equal(2, Trace.Open(path).Metadata.Vms.Count);
        return path;
    }
}
