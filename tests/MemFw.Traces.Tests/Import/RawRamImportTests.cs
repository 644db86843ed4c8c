using System.IO.Hashing;
using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Tests.TestSupport;
using ZstdSharp;

namespace MemFw.Traces.Tests.Import;

public sealed class RawRamImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_RealImage_WritesOnePageRowPerPageMatchingTheImage()
    {
        var pages = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64));
        var output = _temp.Combine("trace");

        var result = Import(output, storeContent: true, Fixture.Path(Fixture.RamFirst64));

        Assert.Equal(pages.Count, result.Pages);
        Assert.Equal(0, result.Accesses);
        var rows = TraceFiles.ReadPages(output);
        Assert.Equal(pages.Count, rows.Count);
        Assert.Equal(0xe0f02cb9028f0fefUL, rows[0].Hash); // xxhsum -H3 of the image's first page (PageHashTests)
        for (var gfn = 0; gfn < pages.Count; gfn++)
        {
            var row = rows[gfn];
            var zero = Captures.IsZero(pages[gfn]);
            Assert.Equal((ushort)0, row.Vm);
            Assert.Equal(0, row.Time);
            Assert.Equal((ulong)gfn, row.Gfn);
            Assert.Equal(XxHash3.HashToUInt64(pages[gfn]), row.Hash);
            Assert.Equal(zero, row.Zero);
            if (zero)
            {
                Assert.Null(row.Content);
            }
            else
            {
                Assert.Equal(pages[gfn], row.Content);
            }
        }
    }

    [Fact]
    public void Import_RealImage_HasBothZeroAndNonZeroPages()
    {
        var pages = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64));
        var output = _temp.Combine("trace");

        Import(output, storeContent: true, Fixture.Path(Fixture.RamFirst64));

        var rows = TraceFiles.ReadPages(output);
        var zero = pages.Count(Captures.IsZero);
        Assert.InRange(zero, 1, pages.Count - 1);
        Assert.Equal(zero, rows.Count(r => r.Zero));
        Assert.Equal(pages.Count - zero, rows.Count(r => r.Content is not null));
    }

    [Fact]
    public void Import_NoContent_KeepsHashesAndZeroFlagsOnly()
    {
        var pages = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64));
        var output = _temp.Combine("trace");

        Import(output, storeContent: false, Fixture.Path(Fixture.RamFirst64));

        var rows = TraceFiles.ReadPages(output);
        Assert.Equal(pages.Select(p => XxHash3.HashToUInt64(p)), rows.Select(r => r.Hash));
        Assert.Equal(pages.Select(Captures.IsZero), rows.Select(r => r.Zero));
        Assert.All(rows, r => Assert.Null(r.Content));
    }

    [Fact]
    public void Import_CompressedImage_MatchesTheDecompressedPages()
    {
        var image = new Decompressor().Unwrap(Fixture.Bytes(Fixture.RamDuplicatesZst)).ToArray();
        var pages = Captures.Pages(image);
        var output = _temp.Combine("trace");

        Import(output, storeContent: true, Fixture.Path(Fixture.RamDuplicatesZst));

        var rows = TraceFiles.ReadPages(output);
        Assert.Equal(pages.Select(p => XxHash3.HashToUInt64(p)), rows.Select(r => r.Hash));
        Assert.Equal(pages.Select(p => Captures.IsZero(p) ? null : p), rows.Select(r => r.Content));
    }

    [Fact]
    public void Import_ImageStartingWithTheGzipMagic_IsReadAsIs()
    {
        var image = Fixture.Bytes(Fixture.RamFirst64);
        image[0] = 0x1F;
        image[1] = 0x8B;
        var input = _temp.WriteFile("magic.raw", image);
        var output = _temp.Combine("trace");

        Import(output, storeContent: true, input);

        var rows = TraceFiles.ReadPages(output);
        Assert.Equal(Captures.Pages(image).Select(p => XxHash3.HashToUInt64(p)), rows.Select(r => r.Hash));
        Assert.Equal(image[..4096], rows[0].Content);
    }

    [Fact]
    public void Import_RealImage_DescribesTheVmFromTheImage()
    {
        var output = _temp.Combine("trace");

        Import(output, storeContent: true, Fixture.Path(Fixture.RamFirst64));

        var metadata = Trace.Open(output).Metadata;
        var vm = Assert.Single(metadata.Vms);
        Assert.Equal("vmA-t00", vm.Name);
        Assert.Equal(Fixture.Bytes(Fixture.RamFirst64).Length, vm.RamBytes);
        var source = Assert.Single(vm.Sources);
        Assert.Equal("raw-ram", source.Format);
        Assert.Equal(Fixture.RamFirst64, source.File);
        Assert.Equal(0, source.SnapshotTime);
    }

    [Fact]
    public void Import_TwoImagesOfOneVm_AreSnapshotsAtTheirPositions()
    {
        var pages = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64));
        var output = _temp.Combine("trace");

        Import(output, storeContent: true, $"A={Fixture.Path(Fixture.RamFirst64)}", $"A={Fixture.Path(Fixture.RamFirst64)}");

        var rows = TraceFiles.ReadPages(output);
        Assert.Equal(2 * pages.Count, rows.Count);
        Assert.Equal(Enumerable.Repeat(0L, pages.Count).Concat(Enumerable.Repeat(1L, pages.Count)), rows.Select(r => r.Time));
        var vm = Assert.Single(Trace.Open(output).Metadata.Vms);
        Assert.Equal([0L, 1L], vm.Sources.Select(s => s.SnapshotTime!.Value));
    }

    [Fact]
    public void Import_ImagesOfTwoVms_AreSortedByTimeThenVm()
    {
        var output = _temp.Combine("trace");

        Import(output, storeContent: true,
            $"B@5={Fixture.Path(Fixture.RamFirst64)}",
            $"A@9={Fixture.Path(Fixture.RamFirst64)}",
            $"A@5={Fixture.Path(Fixture.RamFirst64)}");

        var rows = TraceFiles.ReadPages(output);
        var snapshots = rows.Select(r => (r.Time, r.Vm)).Distinct().ToList();
        Assert.Equal([(5L, (ushort)0), (5L, (ushort)1), (9L, (ushort)1)], snapshots);
        Assert.Equal(["B", "A"], Trace.Open(output).Metadata.Vms.Select(v => v.Name));
    }

    private static ImportResult Import(string output, bool storeContent, params string[] inputs) =>
        TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.RawRam,
            Inputs = [.. inputs.Select(InputSpec.Parse)],
            Output = output,
            StoreContent = storeContent,
        });
}
