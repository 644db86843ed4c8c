using System.Buffers.Binary;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Compression;

/// <summary>
/// LZRW4 after Williams: the context (the previous 4 bytes) selects a partition of 4 recent positions, and a copy
/// names one of them in a single byte instead of an offset.
/// </summary>
/// <remarks>
/// <para>
/// Source: Ross Williams, "LZRW4: Ziv and Lempel meet Markov", 1991 (a sketch released as notes, not a
/// specification). The idea followed here: LZ77 codes where a match starts as an offset into the history, although
/// most of those positions never start a match; a Markov model would predict the next bytes from the context, the
/// bytes just before. LZRW4 combines the two: a hash of the context selects a small partition of the positions that
/// followed the same context before, both sides keep the same partitions, and a copy only says which member of the
/// partition to copy from and how far. Every concrete figure and the byte format below are our choices [U]: the
/// notes sketch the idea without them.
/// </para>
/// <para>The model, identical in compressor and decompressor:</para>
/// <list type="bullet">
/// <item><b>Context</b>: the last N = 4 bytes before the current position, as a 32-bit number (the oldest byte
/// highest). Bytes before the start of the input count as zeros, so a block of zeros predicts itself from its first
/// byte on.</item>
/// <item><b>Partitions</b>: 4096, each of 4 positions. Context <c>c</c> selects partition
/// <c>(c * 2654435761 mod 2^32) &gt;&gt; 20</c> (Knuth's multiplicative hash; its top 12 bits). A partition lists
/// positions most recent first; all start empty.</item>
/// <item><b>Decision points</b>: every position where an item starts and every byte of a literal run. At each, the
/// position is inserted at the front of its context's partition (the oldest of 4 falls out), after the copy, if
/// any, has been looked up.</item>
/// </list>
/// <para>
/// The compressor, at each decision point with at least 3 bytes left, measures the match at each position of the
/// partition (at most 34 bytes, the end of the input, or the first difference) and takes the longest, the most recent
/// on a tie; 3 bytes or more make a copy, otherwise the byte is a literal.
/// </para>
/// <para>The format, byte by byte:</para>
/// <list type="bullet">
/// <item><b>Flag</b>, 1 byte: <c>00</c> if items follow, <c>01</c> if the input follows unchanged (the output would
/// otherwise be longer than the input; at worst 1 byte more than the input).</item>
/// <item><b>Literal run</b>: a tag <c>0x00</c> to <c>0x7F</c>, then <c>tag + 1</c> bytes (1 to 128) taken as they
/// are. Consecutive literals share one tag, so incompressible stretches cost 1 byte in 128, as LZRW4's "literal
/// runs" do [U].</item>
/// <item><b>Copy</b>: one byte <c>1ssLLLLL</c>: <c>ss</c> the partition member (0 the most recent), <c>LLLLL</c>
/// the length minus 3 (3 to 34). A copy may overlap the bytes it produces.</item>
/// </list>
/// <para>
/// Why this follows LZRW4: the copy costs one byte because the context has already narrowed its start to 4
/// candidates, where LZRW1 spends 12 bits of offset; the price is the decompressor's work, which must rebuild the
/// partitions (one hash and a 4-entry shift per decision point) where LZRW1's decoder only copies.
/// </para>
/// <para>The partitions live in the instance: one instance per thread.</para>
/// </remarks>
[CompressionCodec("lzrw4", Description = "LZRW4: the last 4 bytes pick 4 recent positions; 1-byte copies",
    Source = "Williams, LZRW4: Ziv and Lempel meet Markov, 1991 (sketch; format ours)")]
public sealed class Lzrw4Codec : ICompressionCodec
{
    /// <summary>The flag of a compressed form: items follow.</summary>
    internal const byte Compressed = 0;

    /// <summary>Positions per partition.</summary>
    internal const int Members = 4;

    private const string Name = "lzrw4";
    private const int PartitionBits = 12;
    private const int MinMatch = 3;
    private const int MaxMatch = 34;
    private const int MaxRun = 128;
    private const int CopyTag = 0x80;

    /// <summary>Partition <c>p</c> is slots <c>4p</c> to <c>4p + 3</c>, most recent first.</summary>
    private readonly PositionTable _partitions = new((1 << PartitionBits) * Members);

    /// <summary>The partition that <paramref name="context"/> (the previous 4 bytes) selects.</summary>
    internal static int Partition(uint context) => (int)((context * 2654435761u) >> (32 - PartitionBits));

    /// <inheritdoc/>
    public double CompressMbPerS => 255;

    /// <inheritdoc/>
    public double DecompressMbPerS => 527;

    /// <inheritdoc/>
    public int MaxCompressedLength(int inputLength) => CodecChecks.StoredBound(inputLength, 1);

    /// <inheritdoc/>
    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CodecChecks.Destination(destination.Length, MaxCompressedLength(source.Length));
        var length = CompressItems(source, destination.Slice(1, source.Length));
        if (length < 0)
        {
            return StoredForm.Write(source, destination, flagBytes: 1);
        }

        destination[0] = Compressed;
        return 1 + length;
    }

    /// <inheritdoc/>
    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            CodecChecks.ThrowCorrupt(Name, "no flag byte");
        }

        switch (source[0])
        {
            case StoredForm.Flag:
                return StoredForm.Read(Name, source[1..], destination);
            case Compressed:
                return DecompressItems(source[1..], destination);
            default:
                CodecChecks.ThrowCorrupt(Name, $"unknown flag 0x{source[0]:X2}");
                return 0;
        }
    }

    /// <summary>Writes the items of <paramref name="source"/> into <paramref name="body"/>.</summary>
    /// <returns>
    /// The bytes written, or -1 if they would not fit in <paramref name="body"/> (as long as the input).
    /// </returns>
    private int CompressItems(ReadOnlySpan<byte> source, Span<byte> body)
    {
        _partitions.Reset(source.Length);
        uint context = 0;
        int src = 0, dst = 0, runTag = -1;
        while (src < source.Length)
        {
            var partition = Partition(context) * Members;
            var (member, length) = BestMatch(source, src, partition);
            _partitions.Push(partition, Members, src);
            if (length >= MinMatch)
            {
                if (dst >= body.Length)
                {
                    return -1;
                }

                body[dst++] = (byte)(CopyTag | (member << 5) | (length - MinMatch));
                runTag = -1;
                src += length;
                context = ContextBefore(source, src);
            }
            else
            {
                if (runTag < 0 || body[runTag] == MaxRun - 1)
                {
                    if (dst + 2 > body.Length)
                    {
                        return -1;
                    }

                    runTag = dst++;
                    body[runTag] = 0;
                }
                else if (dst >= body.Length)
                {
                    return -1;
                }
                else
                {
                    body[runTag]++;
                }

                body[dst++] = source[src];
                context = (context << 8) | source[src++];
            }
        }

        return dst;
    }

    /// <summary>The context of position <paramref name="end"/>: the 4 bytes before it, zeros before the start.</summary>
    private static uint ContextBefore(ReadOnlySpan<byte> data, int end)
    {
        if (end >= 4)
        {
            return BinaryPrimitives.ReadUInt32BigEndian(data[(end - 4)..]);
        }

        uint context = 0;
        for (var i = 0; i < end; i++)
        {
            context = (context << 8) | data[i];
        }

        return context;
    }

    /// <summary>
    /// The longest match among the members of <paramref name="partition"/>, the most recent on a tie.
    /// </summary>
    private (int Member, int Length) BestMatch(ReadOnlySpan<byte> source, int position, int partition)
    {
        var left = source.Length - position;
        if (left < MinMatch)
        {
            return (0, 0);
        }

        var max = Math.Min(MaxMatch, left);
        var best = (Member: 0, Length: 0);
        for (var member = 0; member < Members; member++)
        {
            var candidate = _partitions[partition + member];
            if (candidate == PositionTable.Empty)
            {
                break;
            }

            var length = LzMatch.Length(source, candidate, position, max);
            if (length > best.Length)
            {
                best = (member, length);
            }
        }

        return best;
    }

    private int DecompressItems(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        _partitions.Reset(destination.Length);
        uint context = 0;
        int src = 0, dst = 0;
        while (src < body.Length)
        {
            var tag = body[src++];
            if (tag < CopyTag)
            {
                var run = tag + 1;
                if (run > body.Length - src)
                {
                    CodecChecks.ThrowCorrupt(Name, $"a literal run of {run} bytes with {body.Length - src} left");
                }

                if (run > destination.Length - dst)
                {
                    CodecChecks.ThrowOverflow(Name, destination.Length);
                }

                for (var i = 0; i < run; i++, dst++)
                {
                    _partitions.Push(Partition(context) * Members, Members, dst);
                    destination[dst] = body[src++];
                    context = (context << 8) | destination[dst];
                }

                continue;
            }

            var partition = Partition(context) * Members;
            var from = _partitions[partition + ((tag >> 5) & 3)];
            _partitions.Push(partition, Members, dst);
            dst = LzMatch.Expand(Name, destination, dst, from, (tag & 0x1F) + MinMatch);
            context = ContextBefore(destination, dst);
        }

        return dst;
    }
}
