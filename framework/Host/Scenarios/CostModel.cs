namespace MemFw.Framework.Host.Scenarios;

/// <summary>
/// What each memory event costs the guest that waits for it, in microseconds: turns a run's counts into an estimated
/// stall time per VM, so that strategies are compared on one axis. Scenario key <c>host.costs</c>.
/// </summary>
/// <remarks>
/// Defaults come from Jeff Dean's latency numbers (LADIS 2009 keynote, "Numbers everyone should know": disk seek 10 ms,
/// 4 KiB random SSD read 150 µs, 1 MB sequential read 250 µs from memory and 20 ms from disk) or are assumptions
/// marked [U]. All values are at least 0.
/// </remarks>
public sealed record CostModel
{
    /// <summary>
    /// The time of one access at full speed, with no memory event: 0.0206 µs, the bundled QEMU guest's 48.5 M
    /// accesses per second [U]. A VM's slowdown is (accesses x this + stall) / (accesses x this).
    /// </summary>
    public double Access { get; init; } = 0.0206;

    /// <summary>An access to a resident page, beyond <see cref="Access"/>: 0.</summary>
    public double Hit { get; init; }

    /// <summary>
    /// A guest swap-in (the guest reads back a page it swapped out to make room for its balloon): 10,000 µs, a disk
    /// seek, as the guest's swap lives on its virtual disk, which stays on a disk datastore even when the VMM swaps to
    /// SSD (ESX's swap to host cache) [U].
    /// </summary>
    public double GuestSwapIn { get; init; } = 10_000;

    /// <summary>
    /// The balloon driver pinning one page and handing it to the VMM: 1 µs [U], a page allocation and its share of a
    /// batched hypercall.
    /// </summary>
    public double BalloonInflate { get; init; } = 1;

    /// <summary>The balloon driver releasing one page back to the guest: 1 µs [U].</summary>
    public double BalloonDeflate { get; init; } = 1;

    /// <summary>
    /// The guest writing one dirty page out to its own swap device: 80 µs [U], its share of a sequential write, since
    /// swap-outs are written in batches: 4 KiB at Dean's 1 MB per 20 ms from disk. The VMM's swap-outs and swap-ins
    /// cost what its backing stores say (<see cref="HostConfig.BackingStores"/>).
    /// </summary>
    public double WriteBack { get; init; } = 80;

    /// <summary>Zero-filling a page at its first touch: 1 µs, 4 KiB at Dean's 1 MB per 250 µs from memory.</summary>
    public double ZeroFill { get; init; } = 1;

    /// <summary>
    /// The host CPU time a sharing scanner spends per page it scans: 0.16 µs, XXH3-64 of a 4 KiB page as
    /// PageHashBenchmarks measured it on the bundled real pages (6.3 M pages/s). Charged to the host, not to a VM.
    /// </summary>
    public double ScanPage { get; init; } = 0.16;

    /// <summary>
    /// The host CPU time of indexing one page for Difference Engine's similarity detection (hashing its sampled 64-byte
    /// blocks): 0.035 µs, as PageHashBenchmarks measured it on the bundled real pages (29 M pages/s).
    /// </summary>
    public double SimilarityHash { get; init; } = 0.035;

    /// <summary>
    /// The host CPU time of encoding one page as a patch against a similar page: 8.1 µs, DeltaEncoder as
    /// PatchBenchmarks measured it on the real pages of guest-ram-content.trace (120x a page copy).
    /// </summary>
    public double PatchEncode { get; init; } = 8.1;

    /// <summary>
    /// Rebuilding a patched page from its reference and patch when the guest touches it, a stall of the VM: 0.76 µs,
    /// DeltaEncoder.Decode as PatchBenchmarks measured it (11x a page copy).
    /// </summary>
    public double PatchDecode { get; init; } = 0.76;

    /// <summary>
    /// How much slower <paramref name="accesses"/> ran with <paramref name="stall"/> µs of stall than at full speed:
    /// (accesses x <see cref="Access"/> + stall) / (accesses x <see cref="Access"/>); 1 with no accesses.
    /// </summary>
    public double Slowdown(long accesses, double stall) =>
        accesses * Access is var busy and > 0 ? (busy + stall) / busy : 1;
}
