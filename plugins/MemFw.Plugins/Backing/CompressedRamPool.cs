namespace MemFw.Plugins.Backing;

/// <summary>How <see cref="CompressedRamStore"/> packs compressed pages into host frames.</summary>
public enum CompressedRamPool
{
    /// <summary>Densely, bytes end to end, rounded up to whole frames: the floor a size-class allocator approaches [U].</summary>
    Dense,

    /// <summary>zswap's zbud: at most two compressed pages per frame, in 64-byte chunks.</summary>
    Zbud,

    /// <summary>zswap's z3fold: at most three compressed pages per frame, in 64-byte chunks.</summary>
    Z3fold,

    /// <summary>zsmalloc: size classes 16 bytes apart, each class packing its objects into zspages of 1-4 frames.</summary>
    Zsmalloc,
}
