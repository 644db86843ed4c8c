namespace MemFw.Framework.Host;

/// <summary>What a working-set estimator may observe of one VM: whether guest pages were touched since a time.</summary>
/// <remarks>
/// It stands for the mechanisms a real VMM has: invalidating a sampled page's mapping and seeing whether the guest
/// faults on it again (ESX), or reading Accessed bits.
/// </remarks>
public interface IWorkingSetProbe
{
    /// <summary>The VM's time now (its accesses replayed so far).</summary>
    long Now { get; }

    /// <summary>Whether the guest page <paramref name="gfn"/> was accessed at or after <paramref name="time"/>.</summary>
    bool TouchedSince(long gfn, long time);

    /// <summary>How many distinct guest pages were accessed at or after <paramref name="time"/>.</summary>
    long CountTouchedSince(long time);
}
