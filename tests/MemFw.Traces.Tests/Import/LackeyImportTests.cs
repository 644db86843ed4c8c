using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Import;

public sealed class LackeyImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_RealCapture_RoundTripsEveryAccess()
    {
        var expected = Captures.ParseLackey(Fixture.Lines(Fixture.Lackey));
        var output = _temp.Combine("trace");

        var result = Import(output, Fixture.Path(Fixture.Lackey));

        Assert.Equal(expected.Count, result.Accesses);
        Assert.Equal(expected, TraceFiles.ReadAccesses(output));
    }

    [Fact]
    public void Import_RealCapture_CountsEveryAccessLineAndSkipsValgrindsOwnLines()
    {
        var lines = Fixture.Lines(Fixture.Lackey);
        var valgrind = lines.Count(l => l.StartsWith("==", StringComparison.Ordinal));
        var fetches = lines.Count(l => l.StartsWith("I ", StringComparison.Ordinal));
        var loads = lines.Count(l => l.StartsWith(" L ", StringComparison.Ordinal));
        var stores = lines.Count(l => l.StartsWith(" S ", StringComparison.Ordinal));
        var modifies = lines.Count(l => l.StartsWith(" M ", StringComparison.Ordinal));
        Assert.Equal(lines.Length, valgrind + fetches + loads + stores + modifies);
        Assert.True(valgrind > 10 && modifies > 0, "the fixture keeps valgrind's header and footer and has M lines");
        var output = _temp.Combine("trace");

        Import(output, Fixture.Path(Fixture.Lackey));

        var rows = TraceFiles.ReadAccesses(output);
        Assert.Equal(fetches + loads + stores + (2 * modifies), rows.Count);
        Assert.Equal(fetches, rows.Count(a => a.Kind == Access.Fetch));
        Assert.Equal(loads + modifies, rows.Count(a => a.Kind == Access.Read));
        Assert.Equal(stores + modifies, rows.Count(a => a.Kind == Access.Write));
    }

    [Fact]
    public void Import_ModifyLine_GivesARead_ThenAWriteOfTheSameBytes()
    {
        var lines = Fixture.Lines(Fixture.Lackey);
        var first = Array.FindIndex(lines, l => l.StartsWith(" M ", StringComparison.Ordinal));
        var before = Captures.ParseLackey(lines.Take(first)).Count;
        var fields = lines[first][3..].Split(',');
        var address = Convert.ToUInt64(fields[0], 16);
        var size = byte.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        var output = _temp.Combine("trace");

        Import(output, Fixture.Path(Fixture.Lackey));

        var rows = TraceFiles.ReadAccesses(output);
        Assert.Equal(new Access(before, 0, 0, address, address, Access.Read, size, false), rows[before]);
        Assert.Equal(new Access(before + 1, 0, 0, address, address, Access.Write, size, false), rows[before + 1]);
    }

    [Fact]
    public void Import_RealCapture_MapsAddressesIdentically()
    {
        var output = _temp.Combine("trace");

        Import(output, Fixture.Path(Fixture.Lackey));

        Assert.All(TraceFiles.ReadAccesses(output), a =>
        {
            Assert.Equal(a.Gva, a.Gpa);
            Assert.False(a.Io);
            Assert.Equal(0, a.Vcpu);
        });
        var vm = Assert.Single(Trace.Open(output).Metadata.Vms);
        Assert.Equal(AddressMode.Identity, vm.AddressMode);
        Assert.Equal("lackey-true", vm.Name);
        Assert.Equal("lackey", Assert.Single(vm.Sources).Format);
        var json = File.ReadAllText(Path.Combine(output, TraceFormat.MetadataFile));
        Assert.Contains("\"address_mode\": \"identity\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CrLfLineEnds_GivesTheSameAccesses()
    {
        var lines = Fixture.Lines(Fixture.Lackey);
        var crlf = _temp.WriteFile("crlf.log", System.Text.Encoding.ASCII.GetBytes(
            string.Concat(lines.Select(l => l + "\r\n"))));
        var output = _temp.Combine("trace");

        Import(output, crlf);

        Assert.Equal(Captures.ParseLackey(lines), TraceFiles.ReadAccesses(output));
    }

    [Fact]
    public void Import_CaptureLongerThanTheReadBuffer_RoundTripsEveryAccess()
    {
        // The header, 40 copies of the 3000 access lines (about 1.7 MB, 120,000+ accesses), then the footer.
        var lines = Fixture.Lines(Fixture.Lackey);
        var body = lines.Where(l => !l.StartsWith("==", StringComparison.Ordinal)).ToArray();
        var big = lines.Take(6).Concat(Enumerable.Repeat(body, 40).SelectMany(b => b))
            .Concat(lines.Where(l => l.StartsWith("==", StringComparison.Ordinal)).Skip(6)).ToList();
        var input = _temp.WriteLines("big.log", big);
        var output = _temp.Combine("trace");

        Import(output, input);

        Assert.Equal(Captures.ParseLackey(big), TraceFiles.ReadAccesses(output));
    }

    [Fact]
    public void Import_MalformedLineBeyondTheReadBuffer_NamesItsLineNumber()
    {
        var lines = Fixture.Lines(Fixture.Lackey);
        var body = lines.Where(l => !l.StartsWith("==", StringComparison.Ordinal)).ToArray();
        var big = lines.Take(6).Concat(Enumerable.Repeat(body, 40).SelectMany(b => b)).ToList();
        big[99_999] = " L 0401ab70,x";
        var input = _temp.WriteLines("big.log", big);

        var e = Assert.Throws<TraceInputException>(() => Import(_temp.Combine("trace"), input));

        Assert.Equal("line 100000", e.Location);
    }

    [Fact]
    public void Import_OverlongLine_NamesItsLineNumber()
    {
        var lines = Fixture.Lines(Fixture.Lackey);
        lines[9] = " L " + new string('0', 5000) + "1,4";
        var input = _temp.WriteLines("long-line.log", lines);

        var e = Assert.Throws<TraceInputException>(() => Import(_temp.Combine("trace"), input));

        Assert.Equal(input, e.File);
        Assert.Equal("line 10", e.Location);
    }

    [Fact]
    public void Import_BinaryCaptureGivenAsLackey_FailsAtTheFirstLine()
    {
        var e = Assert.Throws<TraceInputException>(() =>
            Import(_temp.Combine("trace"), Fixture.Path(Fixture.Qemu)));

        Assert.Equal(Fixture.Path(Fixture.Qemu), e.File);
        Assert.Equal("line 1", e.Location);
    }

    [Fact]
    public void Import_HeaderOnly_GivesAnEmptyTrace()
    {
        var lines = Fixture.Lines(Fixture.Lackey).Where(l => l.StartsWith("==", StringComparison.Ordinal));
        var input = _temp.WriteLines("header.log", lines);
        var output = _temp.Combine("trace");

        var result = Import(output, input);

        Assert.Equal(0, result.Accesses);
        Assert.Empty(TraceFiles.ReadAccesses(output));
    }

    private static ImportResult Import(string output, string input) => TraceImporter.Import(new ImportOptions
    {
        Format = ImportFormat.Lackey,
        Inputs = [InputSpec.Parse(input)],
        Output = output,
    });
}
