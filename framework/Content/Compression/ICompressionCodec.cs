namespace MemFw.Framework.Content.Compression;

/// <summary>A page compressor: bytes in, bytes out, as zswap, zram and ESX's compression cache use one.</summary>
/// <remarks>
/// <para>
/// The compressed form is self-contained: <see cref="Decompress"/> needs only the bytes <see cref="Compress"/> wrote
/// and a destination as long as the original. Codecs keep no state between calls that changes their output: the same
/// input always compresses to the same bytes.
/// </para>
/// <para>
/// No call allocates managed memory: a codec keeps whatever buffers, hash tables or library contexts it needs in
/// fields created once, so an instance is <b>not thread-safe</b>: use one instance per thread. A codec that holds
/// native resources (a library's context) also implements <see cref="IDisposable"/>.
/// </para>
/// </remarks>
public interface ICompressionCodec
{
    /// <summary>
    /// How fast the codec compresses real guest pages, in MB (10^6 bytes) of input per second: what a store that
    /// compresses a page charges for it (4096 bytes at this speed).
    /// </summary>
    /// <remarks>
    /// Measured, not modelled: the <c>MB/s</c> column of <c>benchmarks/MemFw.Benchmarks/Content/CodecBenchmarks</c>
    /// (every page with content of <c>traces/samples/guest-ram-content.trace</c>, 7,884 pages), at the codec's
    /// default options, on the machine the figures were taken on.
    /// </remarks>
    double CompressMbPerS { get; }

    /// <summary>
    /// How fast the codec decompresses those pages, in MB of output per second, measured as
    /// <see cref="CompressMbPerS"/>: what a store charges to read a page back.
    /// </summary>
    double DecompressMbPerS { get; }

    /// <summary>
    /// The largest output <see cref="Compress"/> can write for an input of <paramref name="inputLength"/> bytes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputLength"/> is negative.</exception>
    int MaxCompressedLength(int inputLength);

    /// <summary>Compresses <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <returns>The compressed length: the bytes written at the start of <paramref name="destination"/>.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <see cref="MaxCompressedLength"/> of the source's length.
    /// </exception>
    int Compress(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>Decompresses <paramref name="source"/>, the whole output of one <see cref="Compress"/> call.</summary>
    /// <returns>The number of bytes written at the start of <paramref name="destination"/>.</returns>
    /// <exception cref="InvalidDataException">
    /// <paramref name="source"/> is not a valid compressed form, or it decompresses to more than
    /// <paramref name="destination"/> holds. Corrupt input never makes a codec read or write out of bounds.
    /// </exception>
    int Decompress(ReadOnlySpan<byte> source, Span<byte> destination);
}
