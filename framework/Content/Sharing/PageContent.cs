using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Sharing;

/// <summary>What a guest page holds, as a snapshot shows it: its 64-bit hash, whether it is all zero, and its bytes
/// when the trace stores them.</summary>
/// <remarks>
/// <para>
/// Two contents are equal when their hashes and zero flags are equal and either both carry bytes that are equal
/// (the full compare real scanners make before merging) or neither carries bytes (hash-only traces: hash equality
/// stands in for the compare, as <c>traces/FORMAT.md</c> allows). A content with bytes never equals one without,
/// because the compare cannot be made. Zero pages carry no bytes: the zero flag says what they hold.
/// </para>
/// <para>
/// The order (hash, zero flag, bytes present, bytes) is total and agrees with equality, so contents can key sorted
/// structures, as KSM's trees are keyed by page contents.
/// </para>
/// </remarks>
public readonly struct PageContent : IEquatable<PageContent>, IComparable<PageContent>
{
    private readonly byte[]? _bytes;

    /// <summary>Describes a content by its hash, zero flag and (optional) bytes.</summary>
    /// <param name="hash">XXH3-64 of the 4096 bytes (<see cref="PageHash"/>), or any value a test wants.</param>
    /// <param name="zero">Whether every byte is zero.</param>
    /// <param name="bytes">The 4096 bytes, or <see langword="null"/> when the trace has none; kept, not copied.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="bytes"/> is not 4096 long, or is given for a zero page.
    /// </exception>
    public PageContent(ulong hash, bool zero, byte[]? bytes)
    {
        if (bytes is not null && bytes.Length != TraceFormat.PageSize)
        {
            throw new ArgumentException($"expected {TraceFormat.PageSize} bytes, found {bytes.Length}", nameof(bytes));
        }

        if (bytes is not null && zero)
        {
            throw new ArgumentException("a zero page carries no bytes", nameof(bytes));
        }

        Hash = hash;
        IsZero = zero;
        _bytes = bytes;
    }

    /// <summary>The content of an all-zero page.</summary>
    public static PageContent Zero { get; } = new(PageHash.Compute(new byte[TraceFormat.PageSize]), true, null);

    /// <summary>The 64-bit content hash.</summary>
    public ulong Hash { get; }

    /// <summary>Whether every byte is zero.</summary>
    public bool IsZero { get; }

    /// <summary>Whether the 4096 bytes are known (a full compare is possible).</summary>
    public bool HasBytes => _bytes is not null;

    /// <summary>The 4096 bytes; empty when <see cref="HasBytes"/> is false.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The 4096 bytes as memory (to keep in a list); empty when <see cref="HasBytes"/> is false.</summary>
    public ReadOnlyMemory<byte> BytesMemory => _bytes;

    /// <summary>The content of <paramref name="page"/>: hashed, and zero-flagged without bytes if all zero.</summary>
    /// <exception cref="ArgumentException"><paramref name="page"/> is not 4096 bytes long.</exception>
    public static PageContent FromBytes(byte[] page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var zero = PageHash.IsZero(page);
        return new PageContent(PageHash.Compute(page), zero, zero ? null : page);
    }

    /// <inheritdoc/>
    public bool Equals(PageContent other) =>
        Hash == other.Hash && IsZero == other.IsZero && HasBytes == other.HasBytes
        && Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public int CompareTo(PageContent other)
    {
        var order = Hash.CompareTo(other.Hash);
        if (order == 0)
        {
            order = IsZero.CompareTo(other.IsZero);
        }

        if (order == 0)
        {
            order = HasBytes.CompareTo(other.HasBytes);
        }

        return order != 0 ? order : Bytes.SequenceCompareTo(other.Bytes);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PageContent other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.GetHashCode();

    /// <summary>Whether two contents are equal (see the remarks).</summary>
    public static bool operator ==(PageContent left, PageContent right) => left.Equals(right);

    /// <summary>Whether two contents differ.</summary>
    public static bool operator !=(PageContent left, PageContent right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(PageContent left, PageContent right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(PageContent left, PageContent right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(PageContent left, PageContent right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(PageContent left, PageContent right) => left.CompareTo(right) >= 0;
}
