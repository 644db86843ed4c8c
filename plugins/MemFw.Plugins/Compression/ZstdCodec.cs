using MemFw.Framework.Content.Compression;
using MemFw.Framework.Plugins;
using ZstdSharp;

namespace MemFw.Plugins.Compression;

/// <summary>Zstandard frames through ZstdSharp, at a chosen level.</summary>
/// <remarks>
/// <para>
/// Source: Collet and Kucherawy, "Zstandard Compression and the application/zstd Media Type", RFC 8878, 2021, as
/// zram's <c>zstd</c> back end uses it (default level 3). Each page is one frame with its content size and no
/// checksum (ZstdSharp's defaults), so the frame header costs a few bytes per page.
/// </para>
/// <para>
/// The codec keeps one compression and one decompression context, created once: no call allocates managed memory,
/// and an instance is not thread-safe. <see cref="Dispose"/> frees their native memory (their finalizers do
/// otherwise). Every error zstd reports on a frame becomes an <see cref="InvalidDataException"/>.
/// </para>
/// </remarks>
[CompressionCodec("zstd", Description = "Zstandard frames (ZstdSharp) at a level; 3 by default, as zram",
    Source = "RFC 8878 (Zstandard); ZstdSharp.Port")]
public sealed class ZstdCodec(ZstdOptions options) : ICompressionCodec, IDisposable
{
    private const string Name = "zstd";

    private readonly Compressor _compressor = new(options.Level);
    private readonly Decompressor _decompressor = new();

    /// <inheritdoc/>
    /// <remarks>
    /// Measured at level 3, the default. Other levels were not measured: they report the level-3 figure [U].
    /// </remarks>
    public double CompressMbPerS => 558;

    /// <inheritdoc/>
    /// <remarks>
    /// Measured at level 3, the default. Other levels were not measured: they report the level-3 figure [U].
    /// </remarks>
    public double DecompressMbPerS => 1449;

    /// <inheritdoc/>
    public int MaxCompressedLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return Compressor.GetCompressBound(inputLength);
    }

    /// <inheritdoc/>
    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CodecChecks.Destination(destination.Length, MaxCompressedLength(source.Length));
        return _compressor.Wrap(source, destination);
    }

    /// <inheritdoc/>
    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            return _decompressor.Unwrap(source, destination);
        }
        catch (ZstdException e)
        {
            CodecChecks.ThrowCorrupt(Name, e.Message);
            return 0;
        }
    }

    /// <summary>Frees the native zstd contexts.</summary>
    public void Dispose()
    {
        _compressor.Dispose();
        _decompressor.Dispose();
    }
}
