namespace MemFw.Framework.Content.Backing;

/// <summary>
/// Where swapped-out guest pages live: a disk, an SSD, compressed RAM, or transcendent memory (Xen tmem's cleancache
/// and frontswap). Stores are chained: a page a store refuses (it is full) goes to the next one, and a page an
/// ephemeral store dropped is read from the next one.
/// </summary>
/// <remarks>Called on swap-outs and swap-ins, not per access; implementations must not allocate per call.</remarks>
public interface IBackingStore
{
    /// <summary>Pages the store holds now.</summary>
    long Pages { get; }

    /// <summary>Host machine frames the store occupies (RAM-backed stores); 0 for devices.</summary>
    long MachineFrames { get; }

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

    /// <summary>Reads the page back; an exclusive store (frontswap, a private cleancache pool) forgets it.</summary>
    LoadOutcome Load(SwapKey key);

    /// <summary>Forgets the page: its guest freed it, or it was read back from another store.</summary>
    void Discard(SwapKey key);
}
