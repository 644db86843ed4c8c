using K4os.Compression.LZ4;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Compression;

/// <summary>LZ4 block format through K4os.Compression.LZ4, fast or high-compression (LZ4HC) by level.</summary>
/// <remarks>
/// <para>
/// Source: Yann Collet's LZ4 (lz4.github.io/lz4), as zram's <c>lz4</c> and <c>lz4hc</c> back ends use it: one raw
/// LZ4 block per page, no frame header and no checksum, so the caller keeps the original length (a page). K4os'
/// port is managed code and allocates no managed memory per call.
/// </para>
/// <para>
/// An empty input compresses to no bytes, and no bytes decompress to an empty output. The block decoder is LZ4's
/// safe one: it checks every length and offset against both buffers, and any violation becomes an
/// <see cref="InvalidDataException"/>.
/// </para>
/// </remarks>
[CompressionCodec("lz4", Description = "LZ4 blocks (K4os); level 1 fast as zram's lz4, 3 to 12 LZ4HC",
    Source = "Collet, LZ4 block format (lz4.github.io/lz4); K4os.Compression.LZ4")]
public sealed class Lz4Codec(Lz4Options options) : ICompressionCodec
{
    private const string Name = "lz4";

    private readonly LZ4Level _level = options.Level < 3 ? LZ4Level.L00_FAST : (LZ4Level)options.Level;

    /// <inheritdoc/>
    /// <remarks>
    /// Measured at level 1, the default. LZ4HC levels (3 to 12) compress more slowly but were not measured: they report
    /// the level-1 figure [U].
    /// </remarks>
    public double CompressMbPerS => 1318;

    /// <inheritdoc/>
    /// <remarks>
    /// Measured at level 1, the default. LZ4HC levels (3 to 12) compress more slowly but were not measured: they report
    /// the level-1 figure [U].
    /// </remarks>
    public double DecompressMbPerS => 4970;

    /// <inheritdoc/>
    public int MaxCompressedLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return LZ4Codec.MaximumOutputSize(inputLength);
    }

    /// <inheritdoc/>
    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CodecChecks.Destination(destination.Length, MaxCompressedLength(source.Length));
        return LZ4Codec.Encode(source, destination, _level);
    }

    /// <inheritdoc/>
    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = LZ4Codec.Decode(source, destination);
        if (written < 0)
        {
            CodecChecks.ThrowCorrupt(Name, "not an LZ4 block, or one longer than the destination");
        }

        return written;
    }
}
