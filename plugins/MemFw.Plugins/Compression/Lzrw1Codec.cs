using System.Buffers.Binary;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Compression;

/// <summary>
/// LZRW1: greedy LZ77 with a 4096-entry hash table of positions, one probe per item, and no search.
/// </summary>
/// <remarks>
/// <para>
/// Source: Ross Williams, "An Extremely Fast Ziv-Lempel Data Compression Algorithm", Data Compression Conference
/// (DCC) 1991. At each position the compressor hashes the next three bytes into a table of 4096 positions, reads the
/// position stored there and stores the current one in its place. If the stored position lies 1 to 4095 bytes back
/// and its next three bytes equal the current ones, it emits a copy item of the longest match there, 3 to 18 bytes;
/// otherwise a literal item. Only item starts are hashed (a copy's inner positions are not), so the table is written
/// once per item.
/// </para>
/// <para>
/// The format, byte by byte:
/// </para>
/// <list type="bullet">
/// <item><b>Flag</b>, 4 bytes: <c>00 00 00 00</c> if items follow, <c>01 00 00 00</c> (the "copy flag") if the
/// input follows unchanged. Williams' code reserves 4 bytes and writes only the first [U]; we write the other three
/// as zero and the decoder rejects anything else.</item>
/// <item><b>Groups</b> (compressed form only), until the end: a 16-bit control word, little-endian, then up to 16
/// items. Bit <c>i</c> (from the least significant) describes item <c>i</c>: 0 a literal, 1 a copy. Only the last
/// group may have fewer than 16 items; its unused control bits are 0, and a group never has none.</item>
/// <item><b>Literal item</b>, 1 byte: the byte itself.</item>
/// <item><b>Copy item</b>, 2 bytes <c>[hi][lo]</c>: the offset back is <c>(hi &gt;&gt; 4) &lt;&lt; 8 | lo</c>
/// (1 to 4095) and the length is <c>(hi &amp; 0x0F) + 3</c> (3 to 18). The paper gives the 4-bit/12-bit split;
/// which nibble holds what is our reading of Williams' code [U]. A copy may overlap the bytes it produces (offset 1
/// repeats one byte), so the decoder copies byte by byte, front to back.</item>
/// </list>
/// <para>
/// The hash of bytes <c>b0 b1 b2</c> is <c>((40543 * ((b0 &lt;&lt; 8) ^ (b1 &lt;&lt; 4) ^ b2)) &gt;&gt; 4) &amp;
/// 0xFFF</c>, Williams' multiplicative hash. Our choices: the table starts empty for each call (the paper's code
/// leaves it uninitialised and rejects positions outside the input), so the output depends on the input only; and
/// a match is cut at the end of the input instead of coding the last 17 bytes as literals, as Williams' unrolled
/// loop does to stay in bounds, so the end of a block can differ from his code's output. If the items would take
/// more bytes than the input, the output is the copy flag and the input: 4 bytes more than the input at worst.
/// </para>
/// <para>The hash table lives in the instance: one instance per thread.</para>
/// </remarks>
[CompressionCodec("lzrw1", Description = "LZRW1: 3-byte hash into 4096 positions, 16 items per control word",
    Source = "Williams, An Extremely Fast Ziv-Lempel Data Compression Algorithm, DCC 1991")]
public sealed class Lzrw1Codec : ICompressionCodec
{
    /// <summary>The bytes of the flag that starts every output.</summary>
    internal const int FlagBytes = 4;

    /// <summary>The flag of a compressed form: items follow.</summary>
    internal const byte Compressed = 0;

    private const string Name = "lzrw1";
    private const int HashEntries = 4096;
    private const int MinMatch = 3;
    private const int MaxMatch = 18;
    private const int MaxOffset = 4095;
    private const int ItemsPerGroup = 16;

    /// <summary>The position last seen with each hash of three bytes.</summary>
    private readonly PositionTable _table = new(HashEntries);

    /// <summary>
    /// Williams' hash of the three bytes <paramref name="b0"/>, <paramref name="b1"/>, <paramref name="b2"/>.
    /// </summary>
    internal static int Hash(byte b0, byte b1, byte b2) =>
        (int)((40543u * (uint)((b0 << 8) ^ (b1 << 4) ^ b2)) >> 4) & 0xFFF;

    /// <inheritdoc/>
    public double CompressMbPerS => 909;

    /// <inheritdoc/>
    public double DecompressMbPerS => 690;

    /// <inheritdoc/>
    public int MaxCompressedLength(int inputLength) => CodecChecks.StoredBound(inputLength, FlagBytes);

    /// <inheritdoc/>
    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CodecChecks.Destination(destination.Length, MaxCompressedLength(source.Length));
        var length = CompressItems(source, destination.Slice(FlagBytes, source.Length));
        if (length < 0)
        {
            return StoredForm.Write(source, destination, FlagBytes);
        }

        destination[..FlagBytes].Clear();
        return FlagBytes + length;
    }

    /// <inheritdoc/>
    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length < FlagBytes)
        {
            CodecChecks.ThrowCorrupt(Name, $"{source.Length} bytes, shorter than the flag");
        }

        var flag = BinaryPrimitives.ReadUInt32LittleEndian(source);
        var body = source[FlagBytes..];
        if (flag == StoredForm.Flag)
        {
            return StoredForm.Read(Name, body, destination);
        }

        if (flag != Compressed)
        {
            CodecChecks.ThrowCorrupt(Name, $"unknown flag 0x{flag:X8}");
        }

        return DecompressItems(body, destination);
    }

    /// <summary>Writes the groups of <paramref name="source"/> into <paramref name="body"/>.</summary>
    /// <returns>
    /// The bytes written, or -1 if they would not fit in <paramref name="body"/> (as long as the input).
    /// </returns>
    private int CompressItems(ReadOnlySpan<byte> source, Span<byte> body)
    {
        _table.Reset(source.Length);
        int src = 0, dst = 0, control = 0, items = 0, bits = 0;
        while (src < source.Length)
        {
            if (items == 0)
            {
                if (dst + 2 > body.Length)
                {
                    return -1;
                }

                control = dst;
                dst += 2;
                bits = 0;
            }

            var length = Match(source, src, out var offset);
            if (length > 0)
            {
                if (dst + 2 > body.Length)
                {
                    return -1;
                }

                body[dst++] = (byte)((offset >> 8 << 4) | (length - MinMatch));
                body[dst++] = (byte)offset;
                bits |= 1 << items;
                src += length;
            }
            else
            {
                if (dst >= body.Length)
                {
                    return -1;
                }

                body[dst++] = source[src++];
            }

            if (++items == ItemsPerGroup || src == source.Length)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(body[control..], (ushort)bits);
                items = 0;
            }
        }

        return dst;
    }

    /// <summary>
    /// Probes the table at <paramref name="position"/> and records the position there, as LZRW1 does at every item.
    /// </summary>
    /// <returns>
    /// The length of the copy to emit, 3 to 18, with its <paramref name="offset"/>; or 0 for a literal.
    /// </returns>
    private int Match(ReadOnlySpan<byte> source, int position, out int offset)
    {
        offset = 0;
        var left = source.Length - position;
        if (left < MinMatch)
        {
            return 0;
        }

        var slot = Hash(source[position], source[position + 1], source[position + 2]);
        var candidate = _table[slot];
        _table.Set(slot, position);
        if (candidate == PositionTable.Empty || position - candidate > MaxOffset)
        {
            return 0;
        }

        var length = LzMatch.Length(source, candidate, position, Math.Min(MaxMatch, left));
        if (length < MinMatch)
        {
            return 0;
        }

        offset = position - candidate;
        return length;
    }

    private static int DecompressItems(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        int src = 0, dst = 0;
        while (src < body.Length)
        {
            if (body.Length - src < 3)
            {
                CodecChecks.ThrowCorrupt(Name, $"a control word at byte {FlagBytes + src} without an item after it");
            }

            int bits = BinaryPrimitives.ReadUInt16LittleEndian(body[src..]);
            src += 2;
            for (var item = 0; item < ItemsPerGroup && src < body.Length; item++, bits >>= 1)
            {
                if ((bits & 1) == 0)
                {
                    if (dst >= destination.Length)
                    {
                        CodecChecks.ThrowOverflow(Name, destination.Length);
                    }

                    destination[dst++] = body[src++];
                    continue;
                }

                if (src + 2 > body.Length)
                {
                    CodecChecks.ThrowCorrupt(Name, "the input ends inside a copy item");
                }

                var offset = ((body[src] >> 4) << 8) | body[src + 1];
                var length = (body[src] & 0x0F) + MinMatch;
                src += 2;
                dst = LzMatch.Expand(Name, destination, dst, dst - offset, length);
            }
        }

        return dst;
    }
}
