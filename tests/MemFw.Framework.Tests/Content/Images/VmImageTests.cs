using MemFw.Cli.Tests;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Content.Images;
using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Framework.Tests.Content.Images;

/// <summary>
/// VM images: save and restore of every snapshot of the bundled real samples, sizes against counts made from the
/// pages themselves, and damaged files as errors naming the file and the byte offset.
/// </summary>
public sealed class VmImageTests : IDisposable
{
    private static readonly string s_content = RepositoryPaths.Sample("guest-ram-content.trace");
    private static readonly string s_hashOnly = RepositoryPaths.Sample("guest-ram.trace");
    private static readonly Func<string, ICompressionCodec> s_codecs = _ => new TrimmingCodec();

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveRestore_ContentSample_EverySnapshotRowForRowAndSizesByHand()
    {
        var trace = Trace.Open(s_content);
        var all = TraceFiles.ReadPages(s_content);
        var snapshots = all.GroupBy(r => (r.Vm, r.Time)).ToList();
        Assert.Equal(9, snapshots.Count);
        foreach (var snapshot in snapshots)
        {
            var vm = trace.Metadata.Vms[snapshot.Key.Vm];
            var image = _temp.Combine($"{vm.Name}-{snapshot.Key.Time}.img");
            var restored = _temp.Combine($"{vm.Name}-{snapshot.Key.Time}.trace");

            var summary = VmImage.Save(trace, vm, snapshot.Key.Time, "trim", new TrimmingCodec(), image, false);
            VmImage.Restore(image, restored, s_codecs, overwrite: false);

            var expected = snapshot.Select(r => r with { Vm = 0 }).ToList();
            AssertSameRows(expected, TraceFiles.ReadPages(restored));
            // Independently: one compressed record per distinct non-zero content (by bytes), the repeats by reference.
            var distinct = snapshot.Where(r => !r.Zero).Select(r => Convert.ToHexString(r.Content!)).Distinct()
                .ToList();
            var zero = snapshot.Count(r => r.Zero);
            Assert.Equal((zero, snapshot.Count() - zero - distinct.Count, distinct.Count, 0L),
                (summary.ZeroPages, summary.ReferencePages, summary.CompressedPages, summary.HashPages));
            long header = 48 + vm.Name.Length + "trim".Length;
            var compressed = distinct.Sum(c => (long)TrimmingCodec.SizeOf(Convert.FromHexString(c)));
            var bytes = header + 9L * zero + 17L * summary.ReferencePages + 21L * distinct.Count + compressed;
            Assert.Equal(bytes, new FileInfo(image).Length);
            Assert.Equal(bytes, summary.FileBytes);
            Assert.Equal((double)vm.RamBytes!.Value / bytes, summary.Ratio, precision: 12);
        }
    }

    [Fact]
    public void SaveRestore_HashOnlySample_RestoresTheHashes()
    {
        var trace = Trace.Open(s_hashOnly);
        var vm = trace.FindVm("vmB")!;
        var image = _temp.Combine("vmB.img");
        var restored = _temp.Combine("vmB.trace");

        var summary = VmImage.Save(trace, vm, 20, "trim", new TrimmingCodec(), image, false);
        var header = VmImage.Restore(image, restored, s_codecs, overwrite: false);

        var expected = TraceFiles.ReadPages(s_hashOnly).Where(r => r.Vm == vm.Id && r.Time == 20)
            .Select(r => r with { Vm = 0 }).ToList();
        AssertSameRows(expected, TraceFiles.ReadPages(restored));
        Assert.True(header.HashImage);
        Assert.Equal(expected.Count(r => !r.Zero), summary.HashPages);
        Assert.Equal(48 + 3 + 4 + 9L * summary.ZeroPages + 17L * summary.HashPages, summary.FileBytes);
    }

    [Fact]
    public void Save_MissingSnapshot_NamesVmAndTime()
    {
        var trace = Trace.Open(s_content);
        var error = Assert.Throws<TraceInputException>(() =>
            VmImage.Save(trace, trace.Metadata.Vms[0], 7, "trim", new TrimmingCodec(), _temp.Combine("x.img"), false));

        Assert.Contains("expected a snapshot of VM 'vmA' at time 7, found none", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Read_WrongMagic_FailsAtOffsetZero()
    {
        var image = SaveOne();
        var bytes = File.ReadAllBytes(image);
        bytes[0] = (byte)'X';
        File.WriteAllBytes(image, bytes);

        var error = Assert.Throws<TraceInputException>(() => new VmImageReader(image, s_codecs));

        Assert.StartsWith($"{image}: byte offset 0: expected the magic 'MEMFWIMG'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Truncated_SaysTruncated()
    {
        var image = SaveOne();
        var bytes = File.ReadAllBytes(image);
        File.WriteAllBytes(image, bytes[..(bytes.Length - 5)]);

        var error = Assert.Throws<TraceInputException>(() => VmImage.Restore(image, _temp.Combine("r"), s_codecs, false));

        Assert.Contains("truncated image", error.Message, StringComparison.Ordinal);
        Assert.Contains(": byte offset ", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("r")));
    }

    [Fact]
    public void Read_FlippedByteInCompressedPage_HashMismatchAtThePagesOffset()
    {
        var image = SaveOne();
        var bytes = File.ReadAllBytes(image);
        // The first compressed record: walk the records from the end of the header.
        var offset = 48 + "vmA".Length + "trim".Length;
        while (bytes[offset] != (byte)VmImagePageKind.Compressed)
        {
            offset += bytes[offset] == (byte)VmImagePageKind.Zero ? 9 : 17;
        }

        var data = offset + 21;
        bytes[data + 10] ^= 0x40;
        File.WriteAllBytes(image, bytes);

        var error = Assert.Throws<TraceInputException>(() => VmImage.Restore(image, _temp.Combine("r"), s_codecs, false));

        Assert.StartsWith($"{image}: byte offset {data}: expected a page hashing to ", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExtraBytes_ExpectsTheEnd()
    {
        var image = SaveOne();
        File.AppendAllText(image, "x");

        var error = Assert.Throws<TraceInputException>(() => VmImage.Restore(image, _temp.Combine("r"), s_codecs, false));

        Assert.Contains("expected the end of the file after 1024 pages, found 1 more bytes", error.Message,
            StringComparison.Ordinal);
    }

    private string SaveOne()
    {
        var trace = Trace.Open(s_content);
        var image = _temp.Combine("vmA.img");
        VmImage.Save(trace, trace.Metadata.Vms[0], 0, "trim", new TrimmingCodec(), image, false);
        return image;
    }

    private static void AssertSameRows(List<PageRow> expected, List<PageRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].Vm, expected[i].Time, expected[i].Gfn, expected[i].Hash, expected[i].Zero),
                (actual[i].Vm, actual[i].Time, actual[i].Gfn, actual[i].Hash, actual[i].Zero));
            Assert.Equal(expected[i].Content, actual[i].Content);
        }
    }
}
