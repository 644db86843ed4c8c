using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Cli.Tests.Commands;

public sealed class TraceImportCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _parent;
    private readonly string _output;

    public TraceImportCommandTests()
    {
        _parent = _temp.CreateSubdirectory("out");
        _output = Path.Combine(_parent, "trace");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_QemuCapture_WritesTheTraceAndSaysSo()
    {
        var expected = Captures.ParseQemu(Fixture.Bytes(Fixture.Qemu));

        var result = CliRun.Succeeds("trace", "import", "--format", "qemu", "--output", _output, "--quiet",
            Fixture.Path(Fixture.Qemu));

        Assert.Equal($"wrote {_output}: 1 VM(s), {expected.Count:N0} accesses, 0 pages", Assert.Single(result.OutLines));
        Assert.Equal(expected, TraceFiles.ReadAccesses(_output));
    }

    [Fact]
    public void Import_Options_ReachTheMetadataAndPages()
    {
        var result = CliRun.Succeeds("trace", "import", "-f", "lackey", "-o", _output,
            "--ram", $"A@start={Fixture.Path(Fixture.RamFirst64)}", "--ram", $"A@end={Fixture.Path(Fixture.RamFirst64)}",
            "--ram-size", "256K", "--vcpus", "2", "--no-content", "--description", "from the CLI",
            $"A={Fixture.Path(Fixture.Lackey)}");

        var metadata = Trace.Open(_output).Metadata;
        var vm = Assert.Single(metadata.Vms);
        Assert.Equal(256L << 10, vm.RamBytes);
        Assert.Equal(2, vm.Vcpus);
        Assert.Equal("from the CLI", metadata.Description);
        var pages = TraceFiles.ReadPages(_output);
        Assert.Equal(2 * Captures.Pages(Fixture.Bytes(Fixture.RamFirst64)).Count, pages.Count);
        Assert.All(pages, p => Assert.Null(p.Content));
        Assert.Contains($"{pages.Count:N0} pages", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ExistingOutputWithForce_ReplacesIt()
    {
        CliRun.Succeeds("trace", "import", "-f", "qemu", "-o", _output, Fixture.Path(Fixture.QemuIoWindow));

        CliRun.Succeeds("trace", "import", "-f", "qemu", "-o", _output, "--force", Fixture.Path(Fixture.Qemu));

        Assert.Equal(Captures.ParseQemu(Fixture.Bytes(Fixture.Qemu)), TraceFiles.ReadAccesses(_output));
        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
    }

    public static TheoryData<string> BadInputs =>
    [
        "qemu-truncated", "qemu-reserved-bits", "lackey-line", "vmsim-line", "raw-truncated", "zst-not-zstd",
        "zst-truncated", "gz-truncated", "missing-input", "missing-ram-image",
    ];

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Import_BadInput_FailsWithOneLineNamingTheFileAndWhere(string kind)
    {
        var (format, input, file, where) = BadInput(kind);

        var line = CliRun.FailsWithOneLine(["trace", "import", "-f", format, "-o", _output, .. input]);

        Assert.StartsWith($"memfw: error: {file}: {where}", line, StringComparison.Ordinal);
        Assert.Empty(TempDirectory.Entries(_parent));
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Import_BadInputWithForce_LeavesTheExistingTraceByteIdentical(string kind)
    {
        CliRun.Succeeds("trace", "import", "-f", "qemu", "-o", _output, Fixture.Path(Fixture.QemuIoWindow));
        var before = TempDirectory.Snapshot(_output);
        var (format, input, _, _) = BadInput(kind);

        CliRun.FailsWithOneLine(["trace", "import", "-f", format, "-o", _output, "--force", .. input]);

        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
        var after = TempDirectory.Snapshot(_output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, f => Assert.Equal(f.Value, after[f.Key]));
    }

    [Fact]
    public void Import_ExistingOutputWithoutForce_FailsWithOneLineNamingIt()
    {
        CliRun.Succeeds("trace", "import", "-f", "qemu", "-o", _output, Fixture.Path(Fixture.QemuIoWindow));
        var before = TempDirectory.Snapshot(_output);

        var line = CliRun.FailsWithOneLine("trace", "import", "-f", "qemu", "-o", _output, Fixture.Path(Fixture.Qemu));

        Assert.Equal($"memfw: error: {_output}: output already exists (pass --force to replace it)", line);
        var after = TempDirectory.Snapshot(_output);
        Assert.All(before, f => Assert.Equal(f.Value, after[f.Key]));
        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
    }

    [Fact]
    public void Import_UnknownFormat_IsRefused()
    {
        var result = CliRun.Run("trace", "import", "--format", "pin", "-o", _output, Fixture.Path(Fixture.Qemu));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("pin", result.Error, StringComparison.Ordinal);
        Assert.Empty(TempDirectory.Entries(_parent));
    }

    [Theory]
    [InlineData("--ram-size", "12Q")]
    [InlineData("--ram-size", "1000")]
    [InlineData("--vcpus", "0")]
    public void Import_BadOptionValue_FailsWithOneLineNamingTheOption(string option, string value)
    {
        var line = CliRun.FailsWithOneLine("trace", "import", "-f", "qemu", "-o", _output, option, value,
            Fixture.Path(Fixture.Qemu));

        Assert.Contains(option, line, StringComparison.Ordinal);
        Assert.Empty(TempDirectory.Entries(_parent));
    }

    [Fact]
    public void Import_SnapshotTimeOnAnAccessCapture_FailsWithOneLine()
    {
        var line = CliRun.FailsWithOneLine("trace", "import", "-f", "qemu", "-o", _output,
            $"A@5={Fixture.Path(Fixture.Qemu)}");

        Assert.Contains("RAM images only", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingOutputOption_IsRefused()
    {
        var result = CliRun.Run("trace", "import", "-f", "qemu", Fixture.Path(Fixture.Qemu));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--output", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A bad input of the given kind: the format, the input arguments, the file at fault and where.</summary>
    private (string Format, string[] Input, string File, string Where) BadInput(string kind)
    {
        var (format, input, where) = BadInputArguments(kind);
        return (format, input, kind == "missing-ram-image" ? input[1] : input[^1], where);
    }

    private (string Format, string[] Input, string Where) BadInputArguments(string kind)
    {
        var qemu = Fixture.Bytes(Fixture.Qemu);
        switch (kind)
        {
            case "qemu-truncated":
                return ("qemu", [_temp.WriteFile("cut.qemu", qemu[..^5])],
                    $"byte offset {(qemu.Length / 16 - 1) * 16}: truncated record");
            case "qemu-reserved-bits":
                qemu[(777 * 16) + 8] |= 0x10;
                return ("qemu", [_temp.WriteFile("bits.qemu", qemu)], $"byte offset {777 * 16}: expected reserved bits");
            case "lackey-line":
                var lackey = Fixture.Lines(Fixture.Lackey);
                lackey[1233] = " Q 0401ab70,3";
                return ("lackey", [_temp.WriteLines("bad.log", lackey)], "line 1234: expected a lackey line");
            case "vmsim-line":
                var vmsim = Fixture.Lines(Fixture.Vmsim);
                vmsim[99] = "1fff000548 M";
                return ("vmsim", [_temp.WriteLines("bad.vmsim", vmsim)], "line 100: expected '<hex address> <R|W>'");
            case "raw-truncated":
                var ram = Fixture.Bytes(Fixture.RamFirst64);
                return ("raw-ram", [_temp.WriteFile("cut.raw", ram[..^10])],
                    $"byte offset {ram.Length - 4096}: truncated page");
            case "zst-not-zstd":
                return ("qemu", [_temp.WriteFile("plain.qemu.zst", qemu)], "byte offset 0: expected the zstd magic");
            case "zst-truncated":
                var zst = Fixture.Bytes(Fixture.QemuZst);
                return ("qemu", [_temp.WriteFile("cut.qemu.zst", zst[..(zst.Length / 2)])],
                    "decompressed byte offset 0: expected a complete compressed stream");
            case "gz-truncated":
                var gz = Fixture.Bytes(Fixture.QemuGz);
                return ("qemu", [_temp.WriteFile("cut.qemu.gz", gz[..^8])], "decompressed byte offset ");
            case "missing-input":
                return ("qemu", [_temp.Combine("absent.qemu")], "input file not found");
            default:
                return ("lackey", ["--ram", _temp.Combine("absent.raw"), Fixture.Path(Fixture.Lackey)],
                    "input file not found");
        }
    }
}
