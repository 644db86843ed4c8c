using MemFw.Framework.Host;

namespace MemFw.Plugins.Host;

/// <summary>
/// The page-by-page greedy shared by the victim selectors and ESX's allocation targets, computed by a level search
/// (water-filling) instead of a loop over pages.
/// </summary>
/// <remarks>
/// <para>
/// VM i can give <c>limits[i]</c> pages; the j-th page it gives (j from 0) has an order key <c>key(i, j)</c> that
/// must not decrease with j (a VM's next page is never more attractive than the one before). The greedy takes one
/// page at a time from the VM whose next page has the smallest key, ties to the lowest VM index. Because each VM's
/// keys are sorted, the greedy takes exactly the <c>pages</c> smallest pages in the order (key, VM index).
/// </para>
/// <para>
/// <see cref="Take"/> finds the lowest level T at which at least that many pages have a key at or below T (binary
/// search over the 64-bit keys; each step counts a VM's pages by binary search over j), takes every page below T,
/// then hands out the pages at T to the VMs in index order, which is what the greedy does with ties: after a VM gives
/// a page keyed T its next page is keyed T or more, so the lowest-indexed VM at T keeps winning until it leaves T.
/// Cost: about 64 x n x log2(largest limit) key evaluations, whatever the number of pages.
/// </para>
/// </remarks>
internal static class GreedyReclaim
{
    /// <summary>The top bit of a 64-bit key: flipping it maps signed order onto unsigned order.</summary>
    private const ulong SignBit = 1UL << 63;

    /// <summary>
    /// Sets <paramref name="taken"/>[i] to the pages the greedy takes from VM i, in total
    /// min(<paramref name="pages"/>, sum of <paramref name="limits"/>).
    /// </summary>
    /// <param name="limits">Pages each VM can give, at least 0.</param>
    /// <param name="pages">Pages to take.</param>
    /// <param name="key">The order key of VM i's j-th page, non-decreasing in j; smaller goes first.</param>
    /// <param name="taken">Receives the pages taken from each VM; as long as <paramref name="limits"/>.</param>
    public static void Take(ReadOnlySpan<long> limits, long pages, Func<int, long, ulong> key, Span<long> taken)
    {
        var total = 0L;
        foreach (var limit in limits)
        {
            total += limit;
        }

        if (pages >= total)
        {
            limits.CopyTo(taken);
            return;
        }

        taken[..limits.Length].Clear();
        if (pages <= 0)
        {
            return;
        }

        // The lowest level with at least `pages` pages at or below it; level ulong.MaxValue holds them all.
        var low = 0UL;
        var high = ulong.MaxValue;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (CountAtOrBelow(limits, key, middle) >= pages)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        var remaining = pages;
        for (var i = 0; i < limits.Length; i++)
        {
            taken[i] = low == 0 ? 0 : CountAtOrBelow(limits[i], j => key(i, j), low - 1);
            remaining -= taken[i];
        }

        for (var i = 0; i < limits.Length && remaining > 0; i++)
        {
            var atLevel = Math.Min(remaining, CountAtOrBelow(limits[i], j => key(i, j), low) - taken[i]);
            taken[i] += atLevel;
            remaining -= atLevel;
        }
    }

    /// <summary>Each VM's <see cref="VmView.ReclaimablePages"/>: what a victim selector may take from it.</summary>
    public static long[] Reclaimable(IReadOnlyList<VmView> vms)
    {
        var limits = new long[vms.Count];
        for (var i = 0; i < limits.Length; i++)
        {
            limits[i] = vms[i].ReclaimablePages;
        }

        return limits;
    }

    /// <summary>An order key that sorts <paramref name="value"/> ascending (smaller first).</summary>
    public static ulong Ascending(long value) => (ulong)value ^ SignBit;

    /// <summary>An order key that sorts <paramref name="value"/> descending (larger first).</summary>
    public static ulong Descending(long value) => ~Ascending(value);

    /// <summary>An order key that sorts a non-negative <paramref name="value"/> ascending.</summary>
    /// <remarks>The bit patterns of non-negative doubles, +infinity included, are ordered as the values.</remarks>
    public static ulong Ascending(double value) => (ulong)BitConverter.DoubleToInt64Bits(value);

    private static long CountAtOrBelow(ReadOnlySpan<long> limits, Func<int, long, ulong> key, ulong level)
    {
        var count = 0L;
        for (var i = 0; i < limits.Length; i++)
        {
            count += CountAtOrBelow(limits[i], j => key(i, j), level);
        }

        return count;
    }

    /// <summary>How many of one VM's first <paramref name="limit"/> pages have a key at or below the level.</summary>
    private static long CountAtOrBelow(long limit, Func<long, ulong> key, ulong level)
    {
        var low = 0L;
        var high = limit;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (key(middle) <= level)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
