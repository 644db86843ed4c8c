namespace MemFw.Framework.Host.Engine;

/// <summary>Where a guest page's content is, beyond what the guest and VMM replacement pools say.</summary>
internal enum GuestPageState : byte
{
    /// <summary>Never accessed: guest-free memory with no machine frame.</summary>
    Untouched,

    /// <summary>The guest holds it in its RAM, backed by a machine frame.</summary>
    Resident,

    /// <summary>The guest holds it, but the VMM swapped its frame out to the backing store.</summary>
    VmmSwapped,

    /// <summary>
    /// The guest holds it, but the host stores it as a patch against a similar page (Difference Engine) and freed its
    /// frame; an access rebuilds it.
    /// </summary>
    VmmPatched,

    /// <summary>The guest swapped it out to its own swap device (to make room for its balloon).</summary>
    GuestSwapped,

    /// <summary>The guest gave it up as free (idle beyond the guest-free window) to its balloon, at no I/O cost.</summary>
    GuestFreed,
}
