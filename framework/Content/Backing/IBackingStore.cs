namespace MemFw.Framework.Content.Backing;

/// <summary>
/// Where swapped-out guest pages live: a disk, an SSD, compressed RAM, or transcendent memory (Xen tmem's cleancache
/// and frontswap). Stores are chained (<see cref="BackingChain"/>): a page a store refuses (it is full) goes to the
/// next one, and a page an ephemeral store dropped is read from the next one.
/// </summary>
/// <remarks>Called on swap-outs and swap-ins, not per access; implementations must not allocate per call.</remarks>
public interface IBackingStore
{
    /// <summary>Pages the store holds now.</summary>
    long Pages { get; }

    /// <summary>
    /// The bytes the pages take in the store: their compressed sizes in a store that compresses, 4096 per page in one
    /// that keeps whole pages.
    /// </summary>
    long Bytes { get; }

    /// <summary>Host machine frames the store occupies (RAM-backed stores); 0 for devices.</summary>
    long MachineFrames { get; }

    /// <summary>Whether the store keeps pages in host RAM (compressed RAM, transcendent memory) rather than on a device.</summary>
    bool InRam { get; }

    /// <summary>
    /// Whether the store never refuses a page and never drops one it kept (a swap device): a chain must end with such a
    /// store, so that every page swapped out can be read back, and a store after it would never be used.
    /// </summary>
    bool KeepsEveryPage { get; }

    /// <summary>
    /// Whether the store may drop a page it kept (an ephemeral store, as cleancache): the chain then also stores the
    /// page in the next store, from which it is read when this one has lost it.
    /// </summary>
    bool Ephemeral { get; }

    /// <summary>Stores the page <paramref name="key"/>, replacing any copy the store holds.</summary>
    /// <param name="key">The page.</param>
    /// <param name="stamp">
    /// Which version of the page's content this is (the caller's count of its writes, say): a later load must return
    /// this stamp or miss, never an older one.
    /// </param>
    /// <param name="compressedBytes">
    /// Its size under the run's codec, from its real content; 4096 when unknown or incompressible.
    /// </param>
    StoreOutcome Store(SwapKey key, long stamp, int compressedBytes);

    /// <summary>Whether the store holds the version <paramref name="stamp"/> of the page <paramref name="key"/>.</summary>
    /// <remarks>Costs nothing: the caller asks to know whether a clean page must be written again.</remarks>
    bool Contains(SwapKey key, long stamp);

    /// <summary>Reads the page back; an exclusive store (frontswap, a private cleancache pool) forgets it.</summary>
    LoadOutcome Load(SwapKey key);

    /// <summary>Forgets the page: its guest freed it, or another store took a newer version of it.</summary>
    void Discard(SwapKey key);
}
