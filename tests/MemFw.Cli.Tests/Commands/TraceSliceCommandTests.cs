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

    [Fact]
    public void Slice_MissingSource_FailsWithOneLineNamingIt()
    {
        var missing = _temp.Combine("missing");

        var line = CliRun.FailsWithOneLine("trace", "slice", "--rows", "0:1", "-o", _temp.Combine("slice"), missing);

        Assert.Equal($"memfw: error: {missing}: trace folder not found", line);
    }
}
