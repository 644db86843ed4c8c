namespace MemFw.Plugins.Compression;

/// <summary>
/// The fallback of the LZRW codecs for input they cannot shrink: a flag whose first byte is 1, its other bytes 0,
/// then the input unchanged.
/// </summary>
internal static class StoredForm
{
    /// <summary>The first byte of the flag of a stored form.</summary>
    public const byte Flag = 1;

    /// <summary>
    /// Writes the stored form of <paramref name="source"/> after a flag of <paramref name="flagBytes"/>.
    /// </summary>
    /// <returns>The bytes written: the flag and the input.</returns>
    public static int Write(ReadOnlySpan<byte> source, Span<byte> destination, int flagBytes)
    {
        destination[..flagBytes].Clear();
        destination[0] = Flag;
        source.CopyTo(destination[flagBytes..]);
        return flagBytes + source.Length;
    }

    /// <summary>Copies the <paramref name="body"/> of a stored form (what follows its flag) to the output.</summary>
    /// <returns>The bytes written.</returns>
    /// <exception cref="InvalidDataException">The body is longer than the destination.</exception>
    public static int Read(string codec, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        if (body.Length > destination.Length)
        {
            CodecChecks.ThrowOverflow(codec, destination.Length);
        }

        body.CopyTo(destination);
        return body.Length;
    }
}
