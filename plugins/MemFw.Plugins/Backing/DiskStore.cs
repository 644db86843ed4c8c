using MemFw.Framework.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Plugins.Backing;

/// <summary>
/// A swap partition on a spinning disk: swap-outs are written in sequential batches (transfer time only), a swap-in
/// is a random read (a seek plus the transfer). Persistent and unbounded.
/// </summary>
/// <remarks>
/// Costs from Jeff Dean's latency numbers (LADIS 2009): seek 10 ms, 1 MB sequential in 20 ms (50 MB/s), so a 4 KiB
/// page is written in 81.92 µs and read back in 10,081.92 µs. Batching swap-outs is what Linux's swap clustering and
/// ESX's swap file writes do; the seek on every swap-in is the pessimistic case of pages read back in no order [U].
/// </remarks>
[BackingStore("disk", Description = "Disk: batched sequential swap-outs, a seek per swap-in",
    Source = "Jeff Dean, Numbers everyone should know (LADIS 2009)")]
public sealed class DiskStore : DeviceStore
{
    /// <summary>Creates the store.</summary>
    public DiskStore(DeviceOptions options)
        : base(Times(options))
    {
    }

    private static (double, double) Times(DeviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transferUs = TraceFormat.PageSize / options.TransferMbPerS;
        return (transferUs, options.SeekUs + transferUs);
    }
}
