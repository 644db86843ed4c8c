using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Import;

public sealed class VmsimImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_RealCapture_RoundTripsEveryAccessWithUnknownSize()
    {
        var expected = Captures.ParseVmsim(Fixture.Lines(Fixture.Vmsim));
        var output = _temp.Combine("trace");

        var result = Import(output, Fixture.Path(Fixture.Vmsim));

        Assert.Equal(expected.Count, result.Accesses);
        var rows = TraceFiles.ReadAccesses(output);
        Assert.Equal(expected, rows);
        Assert.All(rows, a => Assert.Equal(0, a.Size));
        Assert.All(rows, a => Assert.Equal(a.Gva, a.Gpa));
        Assert.Equal(AddressMode.Identity, Assert.Single(Trace.Open(output).Metadata.Vms).AddressMode);
    }

    [Fact]
    public void Import_RealCapture_MatchesTheDataAccessesOfTheLackeyCaptureItCameFrom()
    {
        // The vmsim fixture is the lackey fixture's loads and stores (README.md): same addresses and kinds, in order.
        var lackey = Captures.ParseLackey(Fixture.Lines(Fixture.Lackey)).Where(a => a.Kind != Access.Fetch).ToList();
        var output = _temp.Combine("trace");

        Import(output, Fixture.Path(Fixture.Vmsim));

        var rows = TraceFiles.ReadAccesses(output);
        Assert.Equal(lackey.Select(a => (a.Gva, a.Kind)), rows.Select(a => (a.Gva, a.Kind)));
    }

    [Fact]
    public void Import_PrefixesLowerCaseAndTabs_AreAccepted()
    {
        var input = _temp.WriteLines("mixed.vmsim", ["0x1000 r", "", "# note", "\t2fff\tW", "  0XABC   R  "]);
        var output = _temp.Combine("trace");

        Import(output, input);

        Assert.Equal(
            [
                new Access(0, 0, 0, 0x1000, 0x1000, Access.Read, 0, false),
                new Access(1, 0, 0, 0x2fff, 0x2fff, Access.Write, 0, false),
                new Access(2, 0, 0, 0xabc, 0xabc, Access.Read, 0, false),
            ],
            TraceFiles.ReadAccesses(output));
    }

    [Fact]
    public void Import_CaptureLongerThanTheReadBuffer_RoundTripsEveryAccess()
    {
        var lines = Fixture.Lines(Fixture.Vmsim);
        var big = Enumerable.Repeat(lines, 120).SelectMany(l => l).ToList(); // about 960 KB, 79,680 accesses
        var input = _temp.WriteLines("big.vmsim", big);
        var output = _temp.Combine("trace");

        Import(output, input);

        Assert.Equal(Captures.ParseVmsim(big), TraceFiles.ReadAccesses(output));
    }

    [Fact]
    public void Import_MalformedLineBeyondTheReadBuffer_NamesItsLineNumber()
    {
        var big = Enumerable.Repeat(Fixture.Lines(Fixture.Vmsim), 120).SelectMany(l => l).ToList();
        big[70_000] = "1fff000548 RW";
        var input = _temp.WriteLines("big.vmsim", big);

        var e = Assert.Throws<TraceInputException>(() => Import(_temp.Combine("trace"), input));

        Assert.Equal(input, e.File);
        Assert.Equal("line 70001", e.Location);
    }

    private static ImportResult Import(string output, string input) => TraceImporter.Import(new ImportOptions
    {
        Format = ImportFormat.Vmsim,
        Inputs = [InputSpec.Parse(input)],
        Output = output,
    });
}
