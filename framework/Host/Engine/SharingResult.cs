namespace MemFw.Framework.Host.Engine;

/// <summary>
/// Content-based sharing at the end of a host run, in the counters of KSM's sysfs files and esxtop. Sizes are 4 KiB
/// pages at the end; event counts cover the trace's accesses (not a snapshot start's preload and warm-up).
/// </summary>
public sealed record SharingResult
{
    /// <summary>The scanner's name, or <c>none</c>.</summary>
    public required string Scanner { get; init; }

    /// <summary>Whether the zero-page hack was on.</summary>
    public bool ZeroPageHack { get; init; }

    /// <summary>Whether salting kept sharing within each VM.</summary>
    public bool Salting { get; init; }

    /// <summary>KSM's <c>pages_shared</c>: machine frames holding content two or more resident pages map.</summary>
    public long PagesShared { get; init; }

    /// <summary>KSM's <c>pages_sharing</c> (esxtop SHRDSVD): resident pages beyond the first on those frames, i.e.
    /// machine frames saved.</summary>
    public long PagesSharing { get; init; }

    /// <summary>esxtop's ZERO: resident pages on a shared all-zero frame.</summary>
    public long ZeroPages { get; init; }

    /// <summary>Machine frames saved by all-zero frames (part of <see cref="PagesSharing"/>).</summary>
    public long ZeroSaved { get; init; }

    /// <summary>Machine frames the host holds for shared content (<see cref="MachineFrameAllocator.Shared"/>).</summary>
    public long SharedFrames { get; init; }

    /// <summary>Merges the scanner made.</summary>
    public long Merges { get; init; }

    /// <summary>Writes that broke a share (copy-on-write).</summary>
    public long CopyOnWriteBreaks { get; init; }

    /// <summary>Pages the scanner looked at (KSM's <c>pages_scanned</c>).</summary>
    public long PagesScanned { get; init; }

    /// <summary>KSM's <c>full_scans</c>.</summary>
    public long FullScans { get; init; }

    /// <summary>The host CPU time of scanning, µs: <see cref="PagesScanned"/> times the cost of hashing a page.</summary>
    public double ScanMicroseconds { get; init; }

    /// <summary>Machine frames saved by sharing other than of zero pages.</summary>
    public long ContentSaved => PagesSharing - ZeroSaved;
}
