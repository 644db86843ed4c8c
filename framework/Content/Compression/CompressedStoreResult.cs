namespace MemFw.Framework.Content.Compression;

/// <summary>What a compressed-memory store did with a page it was offered.</summary>
public enum CompressedStoreResult
{
    /// <summary>Kept, compressed.</summary>
    Stored,

    /// <summary>Kept as one repeated value, with no compressed bytes (zswap's same-filled pages).</summary>
    SameFilled,

    /// <summary>Not kept: it compresses too poorly for the store; the page goes to swap.</summary>
    TooLarge,

    /// <summary>Not kept: the store is at its size limit (or has none); the page goes to swap.</summary>
    Full,
}
