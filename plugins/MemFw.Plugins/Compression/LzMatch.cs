namespace MemFw.Plugins.Compression;

/// <summary>The two halves of an LZ77 copy the LZRW codecs share: measuring a match and expanding one.</summary>
internal static class LzMatch
{
    /// <summary>
    /// How many bytes from <paramref name="candidate"/> equal those from <paramref name="position"/> (later in
    /// <paramref name="source"/>), at most <paramref name="max"/>; the two runs may overlap.
    /// </summary>
    public static int Length(ReadOnlySpan<byte> source, int candidate, int position, int max) =>
        source.Slice(candidate, max).CommonPrefixLength(source.Slice(position, max));

    /// <summary>
    /// Appends <paramref name="length"/> bytes at <paramref name="written"/> copied from position
    /// <paramref name="from"/> of the output, front to back, so a copy may repeat the bytes it writes.
    /// </summary>
    /// <returns>The output length after the copy.</returns>
    /// <exception cref="InvalidDataException">
    /// <paramref name="from"/> is not an earlier position of the output, or the copy overflows the destination.
    /// </exception>
    public static int Expand(string codec, Span<byte> destination, int written, int from, int length)
    {
        if (from < 0 || from >= written)
        {
            CodecChecks.ThrowCorrupt(codec, $"a copy at output byte {written} from byte {from}, outside the output");
        }

        if (length > destination.Length - written)
        {
            CodecChecks.ThrowOverflow(codec, destination.Length);
        }

        if (from + length <= written)
        {
            destination.Slice(from, length).CopyTo(destination[written..]);
        }
        else if (from == written - 1)
        {
            destination.Slice(written, length).Fill(destination[from]);
        }
        else
        {
            for (var i = 0; i < length; i++)
            {
                destination[written + i] = destination[from + i];
            }
        }

        return written + length;
    }
}
