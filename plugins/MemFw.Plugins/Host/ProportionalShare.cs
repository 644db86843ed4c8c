using System.Numerics;

namespace MemFw.Plugins.Host;

/// <summary>
/// Splits a number of pages among VMs in proportion to weights, none above its cap, in whole pages with an exact
/// total: shared by the <c>shares</c> victim selector and Citrix DMC's targets.
/// </summary>
/// <remarks>
/// Water-filling: a VM whose proportional part reaches its cap gets its cap and leaves, and the rest is split again
/// among the others, until no part reaches its cap. The real-valued parts are then rounded by the largest-remainder
/// method (Hamilton): every VM gets the whole pages of its part, and the pages left over (fewer than the VMs) go one
/// each to the largest fractional parts, ties to the lowest index. A part below its cap rounds up to at most the cap,
/// so the caps hold. The arithmetic is exact (<see cref="BigInteger"/>), so no rounding error can lose or add a page.
/// </remarks>
internal static class ProportionalShare
{
    /// <summary>
    /// Sets <paramref name="given"/>[i] to VM i's part of <paramref name="pages"/>; returns the pages given:
    /// min(<paramref name="pages"/>, sum of the caps of the VMs with a positive weight).
    /// </summary>
    /// <param name="caps">The most each VM can take, at least 0.</param>
    /// <param name="weights">Each VM's weight, at least 0; a VM with weight 0 gets nothing.</param>
    /// <param name="pages">Pages to split.</param>
    /// <param name="given">Receives each VM's part; as long as <paramref name="caps"/>.</param>
    public static long Apportion(ReadOnlySpan<long> caps, ReadOnlySpan<BigInteger> weights, long pages,
        Span<long> given)
    {
        given[..caps.Length].Clear();
        var open = new List<int>();
        var capTotal = 0L;
        for (var i = 0; i < caps.Length; i++)
        {
            if (weights[i] > 0 && caps[i] > 0)
            {
                open.Add(i);
                capTotal += caps[i];
            }
        }

        if (pages >= capTotal)
        {
            foreach (var i in open)
            {
                given[i] = caps[i];
            }

            return capTotal;
        }

        if (pages <= 0)
        {
            return 0;
        }

        // Fill the VMs whose part reaches their cap: part = remaining * w / W >= cap. Removing them only raises the
        // others' parts, so repeat until none is full. Some VM stays open because pages < capTotal.
        var remaining = pages;
        var weightTotal = Sum(weights, open);
        var full = new List<int>();
        do
        {
            full.Clear();
            foreach (var i in open)
            {
                if (remaining * weights[i] >= caps[i] * weightTotal)
                {
                    full.Add(i);
                }
            }

            foreach (var i in full)
            {
                given[i] = caps[i];
                remaining -= caps[i];
                weightTotal -= weights[i];
                open.Remove(i);
            }
        }
        while (full.Count > 0);

        var remainders = new BigInteger[caps.Length];
        var left = remaining;
        foreach (var i in open)
        {
            var whole = BigInteger.DivRem(remaining * weights[i], weightTotal, out remainders[i]);
            given[i] = (long)whole;
            left -= given[i];
        }

        open.Sort((a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
        for (var n = 0; n < left; n++)
        {
            given[open[n]]++;
        }

        return pages;
    }

    private static BigInteger Sum(ReadOnlySpan<BigInteger> weights, List<int> indices)
    {
        var sum = BigInteger.Zero;
        foreach (var i in indices)
        {
            sum += weights[i];
        }

        return sum;
    }
}
