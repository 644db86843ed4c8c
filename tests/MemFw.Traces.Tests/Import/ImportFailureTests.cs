using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Import;

/// <summary>
/// Malformed and missing inputs: each fails with a <see cref="TraceInputException"/> naming the file, the exact line
/// or byte offset and what was expected, and leaves nothing behind in the output's parent folder.
/// </summary>
public sealed class ImportFailureTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _parent;
    private readonly string _output;

    public ImportFailureTests()
    {
        _parent = _temp.CreateSubdirectory("out");
        _output = Path.Combine(_parent, "trace");
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1, 7)]
    [InlineData(1, 15)]
    [InlineData(40, 1)]
    public void Import_QemuFileNotAWholeNumberOfRecords_NamesTheOffsetOfThePartialRecord(int copies, int cut)
    {
        // copies x 2000 records, the last one cut short by `cut` bytes: the partial record starts 16 bytes before
        // the end of the whole records.
        var bytes = Enumerable.Repeat(Fixture.Bytes(Fixture.Qemu), copies).SelectMany(b => b).ToArray()[..^cut];
        var input = _temp.WriteFile("cut.qemu", bytes);
        var partialAt = bytes.Length / 16 * 16;

        var e = Fails(ImportFormat.Qemu, input);

        Assert.Equal(input, e.File);
        Assert.Equal($"byte offset {partialAt}", e.Location);
        Assert.Contains($"expected 16 bytes, found {bytes.Length - partialAt}", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1234, 5)]
    [InlineData(1999, 3)]
    public void Import_QemuRecordWithAReservedBitSet_NamesTheRecordOffset(int record, int bit)
    {
        var bytes = Fixture.Bytes(Fixture.Qemu);
        bytes[(record * 16) + 8] |= (byte)(1 << bit); // low byte of the second little-endian word
        var input = _temp.WriteFile("bits.qemu", bytes);

        var e = Fails(ImportFormat.Qemu, input);

        Assert.Equal(input, e.File);
        Assert.Equal($"byte offset {record * 16}", e.Location);
        Assert.Contains("reserved bits 2-5", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, "X  0401ab70,3")]
    [InlineData(100, " L 0401ab70")]
    [InlineData(500, " S 04zzab70,8")]
    [InlineData(1000, " L 0401ab70,0")]
    [InlineData(2000, "I  0401ab70,300")]
    [InlineData(3006, "this is not lackey output")]
    public void Import_LackeyMalformedLine_NamesTheLineNumber(int lineNumber, string bad)
    {
        var lines = Fixture.Lines(Fixture.Lackey);
        lines[lineNumber - 1] = bad;
        var input = _temp.WriteLines("bad.log", lines);

        var e = Fails(ImportFormat.Lackey, input);

        Assert.Equal(input, e.File);
        Assert.Equal($"line {lineNumber}", e.Location);
        Assert.Contains("expected a lackey line", e.Problem, StringComparison.Ordinal);
        Assert.Contains($"'{bad}'", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "1fff000548 X")]
    [InlineData(300, "zz R")]
    [InlineData(665, "1fff000548")]
    [InlineData(50, "1fff000548 R W")]
    public void Import_VmsimMalformedLine_NamesTheLineNumber(int lineNumber, string bad)
    {
        var lines = Fixture.Lines(Fixture.Vmsim);
        lines[lineNumber - 1] = bad;
        var input = _temp.WriteLines("bad.vmsim", lines);

        var e = Fails(ImportFormat.Vmsim, input);

        Assert.Equal(input, e.File);
        Assert.Equal($"line {lineNumber}", e.Location);
        Assert.Contains("expected '<hex address> <R|W>'", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(4095)]
    public void Import_RawRamTruncatedPage_NamesTheOffsetOfThePartialPage(int cut)
    {
        var bytes = Fixture.Bytes(Fixture.RamFirst64)[..^cut];
        var input = _temp.WriteFile("cut.raw", bytes);
        var partialAt = bytes.Length / 4096 * 4096;

        var e = Fails(ImportFormat.RawRam, input);

        Assert.Equal(input, e.File);
        Assert.Equal($"byte offset {partialAt}", e.Location);
        Assert.Contains($"expected 4096 bytes, found {4096 - cut}", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ZstFileThatIsNotZstd_NamesTheMagicExpectedAndFound()
    {
        var bytes = Fixture.Bytes(Fixture.Qemu);
        var input = _temp.WriteFile("plain.qemu.zst", bytes);

        var e = Fails(ImportFormat.Qemu, input);

        Assert.Equal(input, e.File);
        Assert.Equal("byte offset 0", e.Location);
        Assert.Contains("zstd magic 28 B5 2F FD", e.Problem, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString(bytes, 0, 4), e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_GzFileThatIsNotGzip_NamesTheMagicExpected()
    {
        var input = _temp.WriteFile("plain.qemu.gz", Fixture.Bytes(Fixture.Qemu));

        var e = Fails(ImportFormat.Qemu, input);

        Assert.Equal(input, e.File);
        Assert.Equal("byte offset 0", e.Location);
        Assert.Contains("gzip magic 1F 8B", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TruncatedZstStream_FailsAtTheDecompressedOffsetReached()
    {
        // The 32,000 bytes are one zstd block (blocks hold up to 128 KiB), so a cut stream decodes nothing.
        var bytes = Fixture.Bytes(Fixture.QemuZst);
        var input = _temp.WriteFile("cut.qemu.zst", bytes[..(bytes.Length / 2)]);

        var e = Fails(ImportFormat.Qemu, input);

        Assert.Equal(input, e.File);
        Assert.Equal("decompressed byte offset 0", e.Location);
        Assert.Contains("expected a complete compressed stream", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(1)]
    public void Import_TruncatedGzStream_FailsInsteadOfImportingPartOfTheCapture(int divisor)
    {
        // Cut at half the file, before the 8-byte trailer, or one byte short.
        var bytes = Fixture.Bytes(Fixture.QemuGz);
        var cut = divisor == 1 ? bytes.Length - 1 : divisor == 8 ? bytes.Length - 8 : bytes.Length / divisor;
        var input = _temp.WriteFile("cut.qemu.gz", bytes[..cut]);

        var e = Fails(ImportFormat.Qemu, input);

        Assert.Equal(input, e.File);
        Assert.StartsWith("decompressed byte offset ", e.Location, StringComparison.Ordinal);
        Assert.Contains("expected a complete compressed stream", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TruncatedGzTextCapture_FailsInsteadOfImportingPartOfTheCapture()
    {
        var text = File.ReadAllBytes(Fixture.Path(Fixture.Vmsim));
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Optimal,
            leaveOpen: true))
        {
            gzip.Write(text);
        }

        var input = _temp.WriteFile("cut.vmsim.gz", packed.ToArray()[..^8]);

        var e = Fails(ImportFormat.Vmsim, input);

        Assert.Equal(input, e.File);
        Assert.Contains("expected a complete compressed stream", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImportFormat.Qemu)]
    [InlineData(ImportFormat.Lackey)]
    [InlineData(ImportFormat.Vmsim)]
    [InlineData(ImportFormat.RawRam)]
    public void Import_MissingInputFile_NamesTheFile(ImportFormat format)
    {
        var missing = _temp.Combine("no-such-capture.bin");

        var e = Fails(format, missing);

        Assert.Equal(missing, e.File);
        Assert.Equal("", e.Location);
        Assert.Equal($"{missing}: input file not found", e.Message);
    }

    [Fact]
    public void Import_MissingRamImage_NamesTheFile()
    {
        var missing = _temp.Combine("no-such-image.raw");

        var e = Assert.Throws<TraceInputException>(() => TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Qemu,
            Inputs = [InputSpec.Parse(Fixture.Path(Fixture.Qemu))],
            RamImages = [InputSpec.Parse(missing)],
            Output = _output,
        }));

        Assert.Equal(missing, e.File);
        Assert.Empty(TempDirectory.Entries(_parent));
    }

    [Fact]
    public void Import_RamImagesOfDifferentSizesForOneVm_AreRefused()
    {
        var smaller = _temp.WriteFile("small.raw", Fixture.Bytes(Fixture.RamFirst64)[..8192]);

        var e = Fails(ImportFormat.RawRam, $"A@0={Fixture.Path(Fixture.RamFirst64)}", $"A@1={smaller}");

        Assert.Equal(smaller, e.File);
        Assert.Contains("expected 262144 bytes", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ExistingOutputWithoutOverwrite_IsRefusedAndLeftAlone()
    {
        Directory.CreateDirectory(_output);
        File.WriteAllText(Path.Combine(_output, "keep.txt"), "precious");

        var e = Assert.Throws<TraceInputException>(() => Import(ImportFormat.Qemu, overwrite: false,
            Fixture.Path(Fixture.Qemu)));

        Assert.Equal(_output, e.File);
        Assert.Contains("already exists", e.Problem, StringComparison.Ordinal);
        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
        Assert.Equal(["keep.txt"], TempDirectory.Entries(_output));
        Assert.Equal("precious", File.ReadAllText(Path.Combine(_output, "keep.txt")));
    }

    [Fact]
    public void Import_ExistingOutputWithoutOverwrite_IsRefusedWhenItIsAFile()
    {
        File.WriteAllText(_output, "precious");

        Assert.Throws<TraceInputException>(() => Import(ImportFormat.Qemu, overwrite: false,
            Fixture.Path(Fixture.Qemu)));

        Assert.Equal("precious", File.ReadAllText(_output));
        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
    }

    public static TheoryData<string> BadInputs => ["truncated-qemu", "reserved-bits", "bad-zst", "cut-zst", "cut-raw"];

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Import_FailureWithOverwrite_LeavesTheExistingTraceByteIdentical(string kind)
    {
        Import(ImportFormat.Qemu, overwrite: false, Fixture.Path(Fixture.QemuIoWindow));
        var before = TempDirectory.Snapshot(_output);
        var qemu = Fixture.Bytes(Fixture.Qemu);
        var withBit = (byte[])qemu.Clone();
        withBit[1000 * 16 + 8] |= 0x20;
        var zst = Fixture.Bytes(Fixture.QemuZst);
        var (format, input) = kind switch
        {
            "truncated-qemu" => (ImportFormat.Qemu, _temp.WriteFile("t.qemu", qemu[..^3])),
            "reserved-bits" => (ImportFormat.Qemu, _temp.WriteFile("r.qemu", withBit)),
            "bad-zst" => (ImportFormat.Qemu, _temp.WriteFile("b.qemu.zst", qemu)),
            "cut-zst" => (ImportFormat.Qemu, _temp.WriteFile("c.qemu.zst", zst[..^100])),
            _ => (ImportFormat.RawRam, _temp.WriteFile("c.raw", Fixture.Bytes(Fixture.RamFirst64)[..^1])),
        };

        Assert.Throws<TraceInputException>(() => Import(format, overwrite: true, input));

        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
        var after = TempDirectory.Snapshot(_output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }

    [Fact]
    public void Import_SuccessWithOverwrite_ReplacesTheExistingTraceAndLeavesNothingElse()
    {
        Import(ImportFormat.Qemu, overwrite: false, Fixture.Path(Fixture.QemuIoWindow));

        Import(ImportFormat.Qemu, overwrite: true, Fixture.Path(Fixture.Qemu));

        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
        Assert.Equal(Captures.ParseQemu(Fixture.Bytes(Fixture.Qemu)), TraceFiles.ReadAccesses(_output));
    }

    [Fact]
    public void Parse_UnknownFormat_NamesItAndTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => ImportFormats.Parse("pin"));

        Assert.Contains("'pin'", e.Message, StringComparison.Ordinal);
        Assert.Contains("qemu, lackey, vmsim, raw-ram", e.Message, StringComparison.Ordinal);
    }

    private TraceInputException Fails(ImportFormat format, params string[] inputs)
    {
        var e = Assert.Throws<TraceInputException>(() => Import(format, overwrite: false, inputs));
        Assert.StartsWith(e.File, e.Message, StringComparison.Ordinal);
        Assert.Empty(TempDirectory.Entries(_parent));
        return e;
    }

    private ImportResult Import(ImportFormat format, bool overwrite, params string[] inputs) =>
        TraceImporter.Import(new ImportOptions
        {
            Format = format,
            Inputs = [.. inputs.Select(InputSpec.Parse)],
            Output = _output,
            Overwrite = overwrite,
        });
}
