using System.Text.Json;
using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Cli.Tests.Commands;

public sealed class TraceValidateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_ImportedTrace_ExitsZeroAndSaysValid()
    {
        var trace = _temp.Combine("trace");
        CliRun.Succeeds("trace", "import", "-f", "lackey", "-o", trace, Fixture.Path(Fixture.Lackey),
            "--ram", $"lackey-true@end={Fixture.Path(Fixture.RamFirst64)}");
        var accesses = Captures.ParseLackey(Fixture.Lines(Fixture.Lackey)).Count;

        var result = CliRun.Succeeds("trace", "validate", trace);

        Assert.Equal($"{trace}: valid ({accesses:N0} access rows, 64 page rows)", Assert.Single(result.OutLines));
    }

    [Fact]
    public void Validate_BrokenTrace_ExitsThreeListingEachRow()
    {
        var (trace, rows) = Broken();

        var result = CliRun.Run("trace", "validate", trace);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("", result.Error);
        var lines = result.OutLines;
        Assert.Equal(rows.Length + 1, lines.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.StartsWith($"{trace}/{TraceFormat.AccessesFile}: row {rows[i]}: ", lines[i], StringComparison.Ordinal);
        }

        Assert.Equal($"{trace}: {rows.Length} violation(s)", lines[^1]);
    }

    [Fact]
    public void Validate_BrokenTraceJson_ListsTheViolations()
    {
        var (trace, rows) = Broken();

        var result = CliRun.Run("trace", "validate", "--json", trace);

        Assert.Equal(3, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(rows.Length, root.GetProperty("violation_count").GetInt32());
        Assert.Equal(rows, root.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("row").GetInt64()));
        Assert.All(root.GetProperty("violations").EnumerateArray(),
            v => Assert.Equal(TraceFormat.AccessesFile, v.GetProperty("file").GetString()));
    }

    [Fact]
    public void Validate_NotATrace_FailsWithOneLine()
    {
        var folder = _temp.CreateSubdirectory("empty");

        var line = CliRun.FailsWithOneLine("trace", "validate", folder);

        Assert.Contains(Path.Combine(folder, TraceFormat.MetadataFile), line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CorruptAccessesFile_FailsWithOneLineNamingIt()
    {
        var trace = _temp.Combine("trace");
        CliRun.Succeeds("trace", "import", "-f", "qemu", "-o", trace, Fixture.Path(Fixture.Qemu));
        var accesses = Path.Combine(trace, TraceFormat.AccessesFile);
        File.WriteAllBytes(accesses, Fixture.Bytes(Fixture.Qemu));

        var line = CliRun.FailsWithOneLine("trace", "validate", trace);

        Assert.StartsWith($"memfw: error: {accesses}: expected a Parquet file", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingAccessesFile_FailsWithOneLineNamingIt()
    {
        var trace = _temp.Combine("trace");
        CliRun.Succeeds("trace", "import", "-f", "qemu", "-o", trace, Fixture.Path(Fixture.Qemu));
        var accesses = Path.Combine(trace, TraceFormat.AccessesFile);
        File.Delete(accesses);

        var line = CliRun.FailsWithOneLine("trace", "validate", trace);

        Assert.Equal($"memfw: error: {accesses}: file not found", line);
    }

    /// <summary>The QEMU capture with a kind of 7 at row 10 and rows 100 and 101 swapped: faults at rows 10 and 101.</summary>
    private (string Trace, long[] Rows) Broken()
    {
        var accesses = Captures.ParseQemu(Fixture.Bytes(Fixture.Qemu));
        accesses[10] = accesses[10] with { Kind = 7 };
        (accesses[100], accesses[101]) = (accesses[101], accesses[100]);
        var trace = _temp.Combine("broken");
        using var writer = new TraceWriter(trace, overwrite: false);
        foreach (var a in accesses)
        {
            writer.Accesses.Add(a.Time, a.Vm, a.Vcpu, a.Gva, a.Gpa, (AccessKind)a.Kind, a.Size, a.Io);
        }

        writer.Commit(new TraceMetadata
        {
            FormatVersion = TraceFormat.Version,
            TimeUnit = TimeUnit.Ordinal,
            CreatedBy = "MemFw.Cli.Tests",
            Vms = [new VmDescriptor { Id = 0, Name = "g", AddressMode = AddressMode.Translated }],
        });
        return (trace, [10, 101]);
    }
}
