namespace MemFw.Framework.Content.Sharing;

/// <summary>Runs a scanner over a space whose contents stay fixed (a snapshot, or several VMs' at one time).</summary>
public static class SharingSimulation
{
    /// <summary>Runs <paramref name="periods"/> scan periods and records the counters after each.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is negative.</exception>
    public static SharingRun Run(SharingSpace space, ISharingScanner scanner, int periods)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        var start = space.Counters;
        var ideal = IdealSharing.Counters(space);
        var results = new SharingPeriod[periods];
        for (var period = 1; period <= periods; period++)
        {
            scanner.Scan(space);
            results[period - 1] = new SharingPeriod(period, scanner.Period * period, space.Counters, scanner.Counters);
        }

        return new SharingRun(start, ideal, results);
    }

    /// <summary>Runs as many whole scan periods as fit in <paramref name="scanTime"/> of the scanner's time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="scanTime"/> is negative or needs over 2^31 periods.
    /// </exception>
    public static SharingRun Run(SharingSpace space, ISharingScanner scanner, TimeSpan scanTime)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentOutOfRangeException.ThrowIfLessThan(scanTime, TimeSpan.Zero);
        var periods = scanTime.Ticks / scanner.Period.Ticks;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(periods, int.MaxValue, nameof(scanTime));
        return Run(space, scanner, (int)periods);
    }
}
