using MemFw.Cli.Tests;
using MemFw.Framework.Content.Compression;
using MemFw.Traces.Format;

namespace MemFw.Framework.Tests.Content.Compression;

/// <summary>
/// The ratio helper, over a codec whose output sizes are known by construction, and the sample's pages.
/// </summary>
public sealed class CodecMeasurementTests
{
    [Fact]
    public void Measure_TrimmingCodec_AddsUpSizesByHand()
    {
        // The codec writes a 2-byte length and the bytes up to the last non-zero one. A zero page: 2 bytes. A page
        // whose first 2000 bytes are non-zero: 2002 (at most half a page). One with 3000: 3002.
        byte[][] pages = [new byte[4096], Page(nonZero: 2000), Page(nonZero: 3000)];

        var measured = CodecMeasurement.Measure(new TrimmingCodec(), pages);

        Assert.Equal(new CodecMeasurement(3, 3 * 4096, 2 + 2002 + 3002, HalfPageOrLess: 2), measured);
        Assert.Equal(12288.0 / 5006, measured.Ratio, precision: 12);
    }

    [Fact]
    public void Measure_CodecThatLosesBytes_Throws() =>
        Assert.Throws<InvalidOperationException>(() =>
            CodecMeasurement.Measure(new TrimmingCodec(loseLastByte: true), [Page(nonZero: 10)]));

    [Fact]
    public void Measure_NoPages_Throws() =>
        Assert.Throws<ArgumentException>(() => CodecMeasurement.Measure(new TrimmingCodec(), []));

    [Fact]
    public void ReadPages_ContentSample_EveryStoredPage()
    {
        // The sample's README: 9 snapshots of 1,024 pages, 876 of each stored with content (the rest are zero).
        var trace = Trace.Open(RepositoryPaths.Sample("guest-ram-content.trace"));

        var all = CodecMeasurement.ReadPages(trace, distinct: false);
        var distinct = CodecMeasurement.ReadPages(trace, distinct: true);

        Assert.Equal(9 * 876, all.Count);
        Assert.All(all, page => Assert.Equal(TraceFormat.PageSize, page.Length));
        Assert.InRange(distinct.Count, 1, all.Count - 1);
        Assert.Equal(distinct.Count, distinct.Select(Convert.ToHexString).Distinct().Count());
    }

    private static byte[] Page(int nonZero)
    {
        var page = new byte[4096];
        page.AsSpan(0, nonZero).Fill(0x5A);
        return page;
    }

    /// <summary>
    /// Writes a 2-byte length, then the bytes before the trailing zeros; the rest decompresses to zeros.
    /// </summary>
    private sealed class TrimmingCodec(bool loseLastByte = false) : ICompressionCodec
    {
        public double CompressMbPerS => 1000;

        public double DecompressMbPerS => 1000;

        public int MaxCompressedLength(int inputLength) => inputLength + 2;

        public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
        {
            var kept = source.LastIndexOfAnyExcept((byte)0) + 1;
            destination[0] = (byte)kept;
            destination[1] = (byte)(kept >> 8);
            source[..kept].CopyTo(destination[2..]);
            return kept + 2;
        }

        public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
        {
            var kept = source[0] | source[1] << 8;
            destination[..4096].Clear();
            source.Slice(2, loseLastByte ? kept - 1 : kept).CopyTo(destination);
            return 4096;
        }
    }
}
