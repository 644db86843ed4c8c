namespace MemFw.Framework.Content.Compression;

/// <summary>
/// A zswap allocator ("zpool"): packs compressed pages of any length into 4 KiB frames and counts the frames it really
/// holds, slack included.
/// </summary>
/// <remarks>
/// Frames are the host memory the pool costs: a frame stays held while any object in it lives, so freeing objects
/// gives frames back only when it empties them. Implementations: <see cref="BuddyPool"/> (zbud, z3fold) and
/// <see cref="ZsmallocPool"/>.
/// </remarks>
public interface IZpool
{
    /// <summary>The longest object the pool stores, in bytes.</summary>
    int MaxObjectLength { get; }

    /// <summary>The frames the pool holds now.</summary>
    int FramesUsed { get; }

    /// <summary>The objects stored now.</summary>
    int Objects { get; }

    /// <summary>The bytes of the objects stored now, as given to <see cref="Store"/>.</summary>
    long StoredBytes { get; }

    /// <summary>Stores an object of <paramref name="length"/> bytes.</summary>
    /// <returns>Its handle, for <see cref="Free"/>; a freed handle may be given again.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The length is below 1 or above <see cref="MaxObjectLength"/>.
    /// </exception>
    int Store(int length);

    /// <summary>Frees the object of <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The handle names no stored object.</exception>
    void Free(int handle);
}
