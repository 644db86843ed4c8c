using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Compression;

/// <summary>What a codec makes of a set of pages: bytes in, bytes out, and how many pages ESX would keep.</summary>
/// <param name="Pages">The pages compressed.</param>
/// <param name="InputBytes">Their bytes before compression.</param>
/// <param name="CompressedBytes">Their compressed bytes, added up.</param>
/// <param name="HalfPageOrLess">
/// The pages that compress to at most half their size (2 KiB of a 4 KiB page): those ESX's compression cache keeps.
/// </param>
public sealed record CodecMeasurement(int Pages, long InputBytes, long CompressedBytes, int HalfPageOrLess)
{
    /// <summary>The compression ratio, bytes in per byte out: 2 means the pages take half their size.</summary>
    public double Ratio => (double)InputBytes / CompressedBytes;

    /// <summary>
    /// Compresses each of <paramref name="pages"/> with <paramref name="codec"/>, checks that it decompresses to the
    /// same bytes, and adds up the sizes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="pages"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The codec does not give a page back as it was.</exception>
    public static CodecMeasurement Measure(ICompressionCodec codec, IReadOnlyList<byte[]> pages)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(pages);
        if (pages.Count == 0)
        {
            throw new ArgumentException("no pages to measure", nameof(pages));
        }

        var longest = pages.Max(p => p.Length);
        var compressed = new byte[codec.MaxCompressedLength(longest)];
        var restored = new byte[longest];
        long input = 0, output = 0;
        var halfOrLess = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var length = codec.Compress(page, compressed);
            var back = codec.Decompress(compressed.AsSpan(0, length), restored);
            if (!restored.AsSpan(0, back).SequenceEqual(page))
            {
                throw new InvalidOperationException(
                    $"{codec.GetType().Name} did not restore page {i} ({page.Length} bytes, {length} compressed)");
            }

            input += page.Length;
            output += length;
            halfOrLess += length * 2 <= page.Length ? 1 : 0;
        }

        return new CodecMeasurement(pages.Count, input, output, halfOrLess);
    }

    /// <summary>
    /// The contents of the pages of <paramref name="trace"/> that have bytes stored (zero pages have none), in table
    /// order; with <paramref name="distinct"/>, each content once (by its hash).
    /// </summary>
    /// <exception cref="TraceInputException">The trace has no page-contents table, or it is malformed.</exception>
    public static IReadOnlyList<byte[]> ReadPages(Trace trace, bool distinct)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var pages = new List<byte[]>();
        var seen = new HashSet<ulong>();
        var batch = new PageBatch();
        using var reader = trace.OpenPages(readContent: true);
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Content[i] is { } content && (!distinct || seen.Add(batch.Hash[i])))
                {
                    pages.Add(content);
                }
            }
        }

        return pages;
    }
}
