using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Cli.Tests.Commands;

public sealed class TraceSliceCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _source;
    private readonly List<Access> _rows;

    public TraceSliceCommandTests()
    {
        _source = _temp.Combine("source");
        CliRun.Succeeds("trace", "import", "-f", "qemu", "-o", _source,
            $"A={Fixture.Path(Fixture.Qemu)}", $"B={Fixture.Path(Fixture.QemuIoWindow)}");
        _rows = TraceFiles.ReadAccesses(_source);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Slice_Rows_WritesAValidTraceOfThoseRows()
    {
        var slice = _temp.Combine("slice");

        CliRun.Succeeds("trace", "slice", "--rows", "100:250", "-o", slice, _source);

        Assert.Equal(_rows[100..250], TraceFiles.ReadAccesses(slice));
        CliRun.Succeeds("trace", "validate", slice);
    }

    [Theory]
    [InlineData("500:900", 500L, 900L)]
    [InlineData(":10", long.MinValue, 10L)]
    [InlineData("1995:", 1995L, long.MaxValue)]
    public void Slice_Time_WritesAValidTraceOfThatSpan(string range, long start, long end)
    {
        var slice = _temp.Combine("slice");

        CliRun.Succeeds("trace", "slice", "--time", range, "-o", slice, _source);

        Assert.Equal(_rows.Where(a => a.Time >= start && a.Time < end), TraceFiles.ReadAccesses(slice));
        CliRun.Succeeds("trace", "validate", slice);
    }

    [Fact]
    public void Slice_Vm_KeepsThatVmAsVmZero()
    {
        var slice = _temp.Combine("slice");

        CliRun.Succeeds("trace", "slice", "--vm", "B", "-o", slice, _source);

        Assert.Equal(Captures.ParseQemu(Fixture.Bytes(Fixture.QemuIoWindow)), TraceFiles.ReadAccesses(slice));
        var vm = Assert.Single(Trace.Open(slice).Metadata.Vms);
        Assert.Equal((0, "B"), (vm.Id, vm.Name));
        CliRun.Succeeds("trace", "validate", slice);
        var info = CliRun.Succeeds("trace", "info", "--json", slice);
        Assert.Contains("\"io_accesses\": 2", info.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rows", "5")]
    [InlineData("--rows", "a:b")]
    [InlineData("--time", "9:3")]
    [InlineData("--vm", "C")]
    public void Slice_BadBounds_FailWithOneLineNamingTheOption(string option, string value)
    {
        var slice = _temp.Combine("slice");

        var line = CliRun.FailsWithOneLine("trace", "slice", option, value, "-o", slice, _source);

        Assert.Contains(option, line, StringComparison.Ordinal);
        Assert.Equal(["source"], TempDirectory.Entries(_temp.Path));
    }

    [Theory]
    [InlineData(null, new ulong[] { 0, 1, 2 })]
    [InlineData("all", new ulong[] { 0, 1, 2 })]
    [InlineData("touched", new ulong[] { 0, 2 })]
    [InlineData("none", new ulong[0])]
    public void Slice_Content_KeepsBytesOfTheChosenPages(string? content, ulong[] withBytes)
    {
        // One VM: gfn 0 and 2 hold the same bytes P, gfn 1 other bytes Q; the only access reads gfn 2. Touched keeps
        // P's class (gfn 2 and its twin gfn 0) and drops Q's bytes; every row keeps its hash.
        var p = Enumerable.Repeat((byte)7, TraceFormat.PageSize).ToArray();
        var q = Enumerable.Repeat((byte)9, TraceFormat.PageSize).ToArray();
        var source = PageTraces.Write(_temp.Combine("pages"), ["g"],
            [PageTraces.Row(0, 0, 0, p), PageTraces.Row(0, 0, 1, q), PageTraces.Row(0, 0, 2, p)],
            accesses: [new Access(0, 0, 0, 0x2010, 0x2010, Access.Read, 8, false)]);
        var slice = _temp.Combine("slice");

        string[] option = content is null ? [] : ["--content", content];

        var result = CliRun.Succeeds(["trace", "slice", "-o", slice, source, .. option]);

        Assert.Equal($"wrote {slice}: 1 accesses, 3 pages", result.OutLines[^1]);
        var rows = TraceFiles.ReadPages(slice);
        Assert.Equal(TraceFiles.ReadPages(source).Select(r => r.Hash), rows.Select(r => r.Hash));
        Assert.Equal(withBytes, rows.Where(r => r.Content is not null).Select(r => r.Gfn));
        CliRun.Succeeds("trace", "validate", slice);
    }

    [Fact]
    public void Slice_BadContent_FailsWithOneLineNamingTheOptionAndTheChoices()
    {
        var slice = _temp.Combine("slice");

        var line = CliRun.FailsWithOneLine("trace", "slice", "--content", "some", "-o", slice, _source);

        Assert.Equal("memfw: error: --content: expected touched, all, none, found 'some'", line);
        Assert.Equal(["source"], TempDirectory.Entries(_temp.Path));
    }

    [Fact]
    public void Slice_MissingSource_FailsWithOneLineNamingIt()
    {
        var missing = _temp.Combine("missing");

        var line = CliRun.FailsWithOneLine("trace", "slice", "--rows", "0:1", "-o", _temp.Combine("slice"), missing);

        Assert.Equal($"memfw: error: {missing}: trace folder not found", line);
    }
}
