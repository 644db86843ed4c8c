using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Import;

public sealed class QemuImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(Fixture.Qemu)]
    [InlineData(Fixture.QemuIoWindow)]
    public void Import_RealCapture_RoundTripsEveryRecord(string fixture)
    {
        var expected = Captures.ParseQemu(Fixture.Bytes(fixture));
        var output = _temp.Combine("trace");

        var result = Import(output, fixture);

        Assert.Equal(expected.Count, result.Accesses);
        Assert.Equal(0, result.Pages);
        Assert.Equal(1, result.Vms);
        Assert.Equal(expected, TraceFiles.ReadAccesses(output));
    }

    [Fact]
    public void Import_IoWindow_KeepsTheIoFlagOfTheMmioRecords()
    {
        var expected = Captures.ParseQemu(Fixture.Bytes(Fixture.QemuIoWindow));
        var output = _temp.Combine("trace");

        Import(output, Fixture.QemuIoWindow);

        var io = TraceFiles.ReadAccesses(output).Where(a => a.Io).ToList();
        Assert.Equal(expected.Where(a => a.Io), io);
        Assert.Equal(2, io.Count); // records 26153 and 27354 of the capture, both to the local APIC
    }

    [Fact]
    public void Import_RealCapture_WritesTranslatedMetadataNamedAfterTheFile()
    {
        var output = _temp.Combine("trace");

        Import(output, Fixture.Qemu);

        var metadata = Trace.Open(output).Metadata;
        Assert.Equal(TraceFormat.Version, metadata.FormatVersion);
        Assert.Equal(TimeUnit.Ordinal, metadata.TimeUnit);
        var vm = Assert.Single(metadata.Vms);
        Assert.Equal(0, vm.Id);
        Assert.Equal("linux-guest-1s", vm.Name);
        Assert.Equal(AddressMode.Translated, vm.AddressMode);
        Assert.Null(vm.RamBytes);
        var source = Assert.Single(vm.Sources);
        Assert.Equal("qemu", source.Format);
        Assert.Equal(Fixture.Qemu, source.File);
        Assert.Null(source.SnapshotTime);
    }

    [Theory]
    [InlineData(Fixture.QemuZst)]
    [InlineData(Fixture.QemuGz)]
    public void Import_CompressedCapture_GivesTheSameTraceAsTheRawFile(string compressed)
    {
        // Same VM name for both, so that the metadata differs only by the source file name.
        var raw = _temp.Combine("raw");
        var packed = _temp.Combine("packed");
        Import(raw, $"g={Fixture.Path(Fixture.Qemu)}");
        Import(packed, $"g={Fixture.Path(compressed)}");

        var rawFiles = TempDirectory.Snapshot(raw);
        var packedFiles = TempDirectory.Snapshot(packed);
        Assert.Equal(rawFiles.Keys, packedFiles.Keys);
        Assert.Equal(rawFiles[TraceFormat.AccessesFile], packedFiles[TraceFormat.AccessesFile]);
        Assert.Equal(Captures.ParseQemu(Fixture.Bytes(Fixture.Qemu)), TraceFiles.ReadAccesses(packed));
        var source = Assert.Single(Assert.Single(Trace.Open(packed).Metadata.Vms).Sources);
        Assert.Equal(compressed, source.File);
    }

    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B })]
    [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD })]
    public void Import_RawCaptureStartingLikeACompressedFile_IsReadAsIs(byte[] magic)
    {
        // A record whose guest-virtual address happens to end in the gzip or zstd magic: without a .gz or .zst
        // extension the file is a plain capture.
        var bytes = Fixture.Bytes(Fixture.Qemu);
        magic.CopyTo(bytes, 0);
        var input = _temp.WriteFile("magic.qemu", bytes);
        var output = _temp.Combine("trace");

        Import(output, input);

        Assert.Equal(Captures.ParseQemu(bytes), TraceFiles.ReadAccesses(output));
    }

    [Fact]
    public void Import_CaptureLongerThanABatch_RoundTripsEveryRecord()
    {
        // 40 copies of the capture: 80,000 records, more than one read batch of the importer.
        var bytes = Enumerable.Repeat(Fixture.Bytes(Fixture.Qemu), 40).SelectMany(b => b).ToArray();
        var input = _temp.WriteFile("long.qemu", bytes);
        var output = _temp.Combine("trace");

        Import(output, input);

        Assert.Equal(Captures.ParseQemu(bytes), TraceFiles.ReadAccesses(output));
    }

    [Fact]
    public void Import_ReservedBitBeyondTheFirstBatch_NamesItsOffset()
    {
        var bytes = Enumerable.Repeat(Fixture.Bytes(Fixture.Qemu), 40).SelectMany(b => b).ToArray();
        bytes[(70_001 * 16) + 8] |= 0x04;
        var input = _temp.WriteFile("long.qemu", bytes);

        var e = Assert.Throws<TraceInputException>(() => Import(_temp.Combine("trace"), input));

        Assert.Equal($"byte offset {70_001 * 16}", e.Location);
    }

    [Fact]
    public void Import_RamSizeBelowAnAccess_FailsNamingTheAccess()
    {
        var expected = Captures.ParseQemu(Fixture.Bytes(Fixture.Qemu));
        var max = expected.Where(a => !a.Io).Max(a => a.Gpa);
        var last = expected.FindLastIndex(a => !a.Io && a.Gpa == max);
        var ram = (long)(max / 4096 * 4096); // the page holding the highest address is just outside
        var output = _temp.Combine("trace");

        var e = Assert.Throws<TraceInputException>(() => TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Qemu,
            Inputs = [InputSpec.Parse(Fixture.Path(Fixture.Qemu))],
            Output = output,
            RamBytes = ram,
        }));

        Assert.Equal(Fixture.Path(Fixture.Qemu), e.File);
        Assert.Equal($"access {last}", e.Location);
        Assert.Contains($"0x{max:X}", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    private static ImportResult Import(string output, string input) => TraceImporter.Import(new ImportOptions
    {
        Format = ImportFormat.Qemu,
        Inputs = [InputSpec.Parse(input.Contains('/', StringComparison.Ordinal) ? input : Fixture.Path(input))],
        Output = output,
    });
}
