using System.Buffers.Binary;
using MemFw.Framework.Content.Compression;

namespace MemFw.Framework.Tests.Content.Images;

/// <summary>
/// A codec whose output size is known by construction: a 2-byte length and the bytes up to the last non-zero one.
/// </summary>
internal sealed class TrimmingCodec : ICompressionCodec
{
    /// <summary>The compressed size of <paramref name="page"/>.</summary>
    public static int SizeOf(ReadOnlySpan<byte> page) => 2 + page.LastIndexOfAnyExcept((byte)0) + 1;

    public double CompressMbPerS => 1000;

    public double DecompressMbPerS => 1000;

    public int MaxCompressedLength(int inputLength) => inputLength + 2;

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var length = source.LastIndexOfAnyExcept((byte)0) + 1;
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)length);
        source[..length].CopyTo(destination[2..]);
        return length + 2;
    }

    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length < 2 || BinaryPrimitives.ReadUInt16LittleEndian(source) != source.Length - 2
            || source.Length - 2 > destination.Length)
        {
            throw new InvalidDataException("bad trimmed page");
        }

        source[2..].CopyTo(destination);
        destination[(source.Length - 2)..].Clear();
        return destination.Length;
    }
}
