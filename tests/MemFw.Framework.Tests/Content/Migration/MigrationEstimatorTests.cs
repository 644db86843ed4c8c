using MemFw.Framework.Content.Compression;
using MemFw.Framework.Content.Migration;
using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Framework.Tests.Content.Migration;

/// <summary>Pre-copy rounds on a crafted VM: six pages and thirty accesses, every byte on the wire counted by hand.</summary>
public sealed class MigrationEstimatorTests : IDisposable
{
    /// <summary>A page sent in full: 8 bytes of header and 4096 of content (the stored codec keeps every byte).</summary>
    private const long Whole = 8 + 4096;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Estimate_SendsZeroPagesAndDuplicatesSmallThenTheDirtyPagesRoundByRound()
    {
        // Snapshot at time 0: gfn 0 and 5 zero, 1 and 2 the same content X, 3 content Y, 4 content Z. First round:
        // 2 zero pages x 8 + X in full + a 16-byte reference + Y and Z in full = 12,344 bytes. At 1,234.4 MB/s and
        // 1 µs per access it takes 10 µs: accesses 1..10, which write gfn 3 and gfn 5. Round 2 sends them: Y at its
        // snapshot size, and the zero page, now of unknown content, whole: 8,208 bytes, 6.649 µs, so 7 accesses
        // (11..17), which write gfn 4. One dirty page is at the stop threshold: stop-and-copy sends Z, 4,104 bytes.
        var estimate = MigrationEstimator.Estimate(Trace.Open(Crafted()), 0, 0, ("stored", new StoredCodec()), Settings);

        Assert.Equal((6L, 2L, 1L, 0L), (estimate.Pages, estimate.ZeroPages, estimate.DuplicatePages,
            estimate.PagesWithoutContent));
        Assert.Equal(
            [(6L, (2 * 8) + Whole + 16 + (2 * Whole), 2L, false), (2L, 2 * Whole, 1L, false), (1L, Whole, 0L, true)],
            estimate.Rounds.Select(r => (r.Pages, r.Bytes, r.Dirtied, r.StopAndCopy)));
        Assert.Equal(Whole / 1_234_400_000.0, estimate.DowntimeSeconds, precision: 15);
        Assert.False(estimate.TraceEnded);
    }

    [Fact]
    public void Estimate_WithoutCodec_SendsTheSameWholePages()
    {
        var stored = MigrationEstimator.Estimate(Trace.Open(Crafted()), 0, 0, ("stored", new StoredCodec()), Settings);
        var none = MigrationEstimator.Estimate(Trace.Open(Crafted()), 0, 0, null, Settings);

        Assert.Equal(stored.Rounds, none.Rounds);
        Assert.Equal("none", none.Codec);
    }

    [Fact]
    public void Estimate_NoSnapshotAtTheTime_NamesTheTimesThereAre()
    {
        var error = Assert.Throws<TraceInputException>(() =>
            MigrationEstimator.Estimate(Trace.Open(Crafted()), 0, 7, null, Settings));

        Assert.Contains("expected a snapshot of VM 0 at time 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("times: 0", error.Message, StringComparison.Ordinal);
    }

    private static MigrationSettings Settings => new()
    {
        BandwidthBytesPerSecond = 1_234_400_000,
        AccessMicroseconds = 1,
        StopPages = 1,
    };

    private string Crafted()
    {
        var path = _temp.Combine("vm.trace");
        if (Directory.Exists(path))
        {
            return path;
        }

        var zero = new byte[4096];
        var x = Filled(1);
        var y = Filled(2);
        var z = Filled(3);
        using var writer = new TraceWriter(path, overwrite: false);
        var pages = writer.StartPages(storeContent: true);
        foreach (var (gfn, content) in new[] { (0UL, zero), (1UL, x), (2UL, x), (3UL, y), (4UL, z), (5UL, zero) })
        {
            pages.AddPage(0, 0, gfn, content);
        }

        var writes = new Dictionary<long, ulong> { [1] = 3, [3] = 5, [11] = 4 };
        for (var time = 1L; time <= 30; time++)
        {
            var write = writes.TryGetValue(time, out var gfn);
            writer.Accesses.Add(time, 0, 0, (write ? gfn : 1) << 12, (write ? gfn : 1) << 12,
                write ? AccessKind.Write : AccessKind.Read, 8, io: false);
        }

        writer.Commit(new TraceMetadata
        {
            FormatVersion = TraceFormat.Version,
            TimeUnit = TimeUnit.Ordinal,
            CreatedBy = "MemFw tests",
            Vms = [new VmDescriptor { Id = 0, Name = "a", AddressMode = AddressMode.Translated }],
        });
        return path;
    }

    private static byte[] Filled(int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A codec that keeps every byte: the compressed size is the page size.</summary>
    private sealed class StoredCodec : ICompressionCodec
    {
        public double CompressMbPerS => 1000;

        public double DecompressMbPerS => 1000;

        public int MaxCompressedLength(int inputLength) => inputLength;

        public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
        {
            source.CopyTo(destination);
            return source.Length;
        }

        public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
        {
            source.CopyTo(destination);
            return source.Length;
        }
    }
}
