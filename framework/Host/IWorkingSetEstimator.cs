namespace MemFw.Framework.Host;

/// <summary>Estimates a VM's working set (esxtop's "active" memory) from what the VMM can observe.</summary>
/// <remarks>One instance per VM; called at the end of each of the VM's sampling periods, never per access.</remarks>
public interface IWorkingSetEstimator
{
    /// <summary>The period, in the VM's accesses, between two calls of <see cref="Estimate"/>.</summary>
    long Period { get; }

    /// <summary>Returns the estimate in pages for <paramref name="vm"/> at the end of a period that began at <paramref name="periodStart"/>.</summary>
    long Estimate(VmView vm, IWorkingSetProbe probe, long periodStart);
}
