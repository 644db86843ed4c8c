namespace MemFw.Traces.Inspection;

/// <summary>Which page rows of a slice keep their 4096 bytes (<c>memfw trace slice --content</c>).</summary>
/// <remarks>
/// Every row keeps its hash and zero flag whatever the choice; only the bytes go. Zero pages carry no bytes anyway.
/// </remarks>
public enum SliceContent
{
    /// <summary><c>all</c>: every row keeps the bytes it has (the default).</summary>
    All,

    /// <summary>
    /// <c>touched</c>: a row keeps its bytes only if its hash equals the hash of a kept page row whose (VM, guest
    /// frame) a kept non-I/O access touches. Whole hash classes keep their bytes, because a content with bytes never
    /// equals one without (a full compare cannot be made), so sharing counts stay those of the full trace.
    /// </summary>
    Touched,

    /// <summary><c>none</c>: no row keeps bytes; the slice is hash-only.</summary>
    None,
}
