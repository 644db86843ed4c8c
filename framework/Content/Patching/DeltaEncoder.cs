using System.Buffers.Binary;
using System.Numerics;

namespace MemFw.Framework.Content.Patching;

/// <summary>
/// Encodes a page as a patch against a reference page (COPY runs of the reference, ADD new bytes) and rebuilds the
/// page from the reference and the patch.
/// </summary>
/// <remarks>
/// <para>
/// Difference Engine (Gupta et al., OSDI 2008; CACM 53(10), 2010) stores a page that is similar to another as a patch
/// against that reference page, made with Xdelta. This encoder is MemFw's own, of the same COPY/ADD family, written
/// from that description; it shares neither code nor format with Xdelta.
/// </para>
/// <para>
/// Patch format: instructions one after another, nothing else (the target's length is the sum of the instructions'
/// lengths). An instruction is <c>varint(length &lt;&lt; 1 | kind)</c>, length at least 1, then its payload: for
/// ADD (kind 0), <c>length</c> bytes appended to the target as they are; for COPY (kind 1), <c>varint(offset)</c>,
/// appending reference bytes <c>offset</c> to <c>offset + length - 1</c>. A varint is unsigned LEB128: 7 bits a
/// byte, least significant group first, the high bit set on every byte but the last, at most 5 bytes. So an identical
/// 4 KiB page is one COPY of 4096 bytes from offset 0 (3 bytes); one changed byte in the middle of a page is COPY,
/// ADD, COPY (9 bytes); a page with nothing in common with its reference is one ADD (4098 bytes).
/// </para>
/// <para>
/// Matching: every 8-byte window of the reference is hashed into a table in which the earliest position wins a slot.
/// At each target position the encoder tries three reference positions, the one the last COPY would continue at,
/// the same position (pages edited in place keep their offsets) and the table's, and keeps the longest match if a
/// COPY of it is shorter than the literal bytes it replaces plus the header of the ADD it may split (for a 4 KiB
/// page, a match of 5 bytes or more); the match is extended backwards over pending literal bytes and emitted.
/// One instance keeps its table between calls and encodes without allocating; it is not thread-safe.
/// </para>
/// </remarks>
public sealed class DeltaEncoder
{
    /// <summary>The window hashed to find matches away from the continuing position, in bytes.</summary>
    private const int Window = 8;

    private const int AddKind = 0;
    private const int CopyKind = 1;
    private const int MaxVarintBytes = 5;

    /// <summary>Per hash of an 8-byte window: 1 + the earliest reference position holding it, or 0.</summary>
    private int[] _table = [];

    /// <summary>
    /// Encodes <paramref name="target"/> against <paramref name="reference"/> into <paramref name="patch"/>.
    /// </summary>
    /// <returns>
    /// The patch's length in bytes, or -1 when it would not fit in <paramref name="patch"/>: pass a buffer of the
    /// largest patch worth keeping (a cutoff) to give up on dissimilar pages early.
    /// </returns>
    public int Encode(ReadOnlySpan<byte> reference, ReadOnlySpan<byte> target, Span<byte> patch)
    {
        var bits = BuildTable(reference);
        var written = 0;
        var literalStart = 0;
        var delta = 0;
        var i = 0;
        while (i < target.Length)
        {
            var (source, length) = LongestMatch(reference, target, i, i + delta, bits);
            if (!Pays(length, source))
            {
                i++;
                continue;
            }

            while (i > literalStart && source > 0 && reference[source - 1] == target[i - 1])
            {
                (i, source, length) = (i - 1, source - 1, length + 1);
            }

            if ((i > literalStart && !TryAdd(patch, ref written, target[literalStart..i]))
                || !TryCopy(patch, ref written, source, length))
            {
                return -1;
            }

            delta = source - i;
            i += length;
            literalStart = i;
        }

        return literalStart < target.Length && !TryAdd(patch, ref written, target[literalStart..]) ? -1 : written;
    }

    /// <summary>Rebuilds the target page from <paramref name="reference"/> and <paramref name="patch"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The patch is malformed: a truncated instruction, a zero length, or a COPY beyond the reference.
    /// </exception>
    public static byte[] Decode(ReadOnlySpan<byte> reference, ReadOnlySpan<byte> patch)
    {
        var target = new byte[Apply(reference, patch, [])];
        Apply(reference, patch, target);
        return target;
    }

    /// <summary>
    /// Walks the instructions of <paramref name="patch"/>, writing them to <paramref name="target"/> unless it is
    /// empty, and returns the target's length.
    /// </summary>
    private static int Apply(ReadOnlySpan<byte> reference, ReadOnlySpan<byte> patch, Span<byte> target)
    {
        var at = 0;
        var length = 0;
        while (at < patch.Length)
        {
            var start = at;
            var header = ReadVarint(patch, ref at);
            var count = (int)(header >> 1);
            if (count == 0 || length > Array.MaxLength - count)
            {
                throw Malformed(start,
                    $"expected an instruction length of 1 to {Array.MaxLength - length}, found {count}");
            }

            ReadOnlySpan<byte> source;
            if ((header & 1) == AddKind)
            {
                if (count > patch.Length - at)
                {
                    throw Malformed(start, $"expected {count} ADD bytes, found {patch.Length - at}");
                }

                source = patch.Slice(at, count);
                at += count;
            }
            else
            {
                var offset = ReadVarint(patch, ref at);
                if (offset > (uint)reference.Length || count > reference.Length - (int)offset)
                {
                    throw Malformed(start, $"expected a COPY within the reference's {reference.Length} bytes, "
                        + $"found {count} bytes at {offset}");
                }

                source = reference.Slice((int)offset, count);
            }

            if (!target.IsEmpty)
            {
                source.CopyTo(target[length..]);
            }

            length += count;
        }

        return length;
    }

    /// <summary>Hashes the reference's 8-byte windows into the table; returns its bits (0: no window).</summary>
    private int BuildTable(ReadOnlySpan<byte> reference)
    {
        if (reference.Length < Window)
        {
            return 0;
        }

        // One to two slots per window (at least 16) keeps collisions rare.
        var bits = Math.Max(4, 64 - (int)ulong.LeadingZeroCount((ulong)reference.Length));
        if (_table.Length != 1 << bits)
        {
            _table = new int[1 << bits];
        }
        else
        {
            Array.Clear(_table);
        }

        for (var p = reference.Length - Window; p >= 0; p--)
        {
            _table[Hash(reference, p, bits)] = p + 1;
        }

        return bits;
    }

    /// <summary>
    /// The longest match at target position <paramref name="i"/> from the continuing position, the same position, or
    /// the table's.
    /// </summary>
    private (int Source, int Length) LongestMatch(ReadOnlySpan<byte> reference, ReadOnlySpan<byte> target, int i,
        int continuing, int bits)
    {
        var best = (Source: 0, Length: 0);
        Try(reference, target, i, continuing, ref best);
        if (continuing != i)
        {
            Try(reference, target, i, i, ref best);
        }

        if (bits > 0 && i <= target.Length - Window)
        {
            Try(reference, target, i, _table[Hash(target, i, bits)] - 1, ref best);
        }

        return best;
    }

    /// <summary>Replaces <paramref name="best"/> with the match at <paramref name="source"/> if it is longer.</summary>
    private static void Try(ReadOnlySpan<byte> reference, ReadOnlySpan<byte> target, int i, int source,
        ref (int Source, int Length) best)
    {
        if ((uint)source < (uint)reference.Length
            && reference[source..].CommonPrefixLength(target[i..]) is var length && length > best.Length)
        {
            best = (source, length);
        }
    }

    /// <summary>Whether a COPY of the match is shorter than the literal bytes it replaces, counting the header of the
    /// ADD it may split in two.</summary>
    private static bool Pays(int length, int source) =>
        length > VarintLength(((uint)length << 1) | CopyKind) + VarintLength((uint)source) + 1;

    private static int VarintLength(uint value) => (BitOperations.Log2(value | 1) / 7) + 1;

    private static int Hash(ReadOnlySpan<byte> data, int at, int bits) =>
        (int)((BinaryPrimitives.ReadUInt64LittleEndian(data[at..]) * 0x9E3779B97F4A7C15UL) >> (64 - bits));

    private static bool TryAdd(Span<byte> patch, ref int written, ReadOnlySpan<byte> bytes)
    {
        if (!TryVarint(patch, ref written, ((uint)bytes.Length << 1) | AddKind)
            || bytes.Length > patch.Length - written)
        {
            return false;
        }

        bytes.CopyTo(patch[written..]);
        written += bytes.Length;
        return true;
    }

    private static bool TryCopy(Span<byte> patch, ref int written, int offset, int length) =>
        TryVarint(patch, ref written, ((uint)length << 1) | CopyKind) && TryVarint(patch, ref written, (uint)offset);

    private static bool TryVarint(Span<byte> patch, ref int written, uint value)
    {
        do
        {
            if (written == patch.Length)
            {
                return false;
            }

            patch[written++] = (byte)(value < 0x80 ? value : (value & 0x7F) | 0x80);
            value >>= 7;
        }
        while (value != 0);
        return true;
    }

    private static uint ReadVarint(ReadOnlySpan<byte> patch, ref int at)
    {
        var start = at;
        uint value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (at == patch.Length)
            {
                throw Malformed(start, "expected the rest of a varint, found the end of the patch");
            }

            var b = patch[at++];
            if (shift == 7 * (MaxVarintBytes - 1) && b > 0x0F)
            {
                throw Malformed(start, $"expected a varint of at most 32 bits, found a last byte 0x{b:X2}");
            }

            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static InvalidDataException Malformed(int at, string problem) => new($"patch byte {at}: {problem}");
}
