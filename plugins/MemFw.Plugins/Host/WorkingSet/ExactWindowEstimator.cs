using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.WorkingSet;

/// <summary>
/// The exact working set: the distinct guest pages touched in the last W accesses, the reference to judge sampling
/// estimators against.
/// </summary>
/// <remarks>
/// Denning's working set W(t, tau) ("The working set model for program behavior", CACM 11(5), 1968) with tau = W
/// accesses of the VM's virtual time, counted at the end of each window through
/// <see cref="IWorkingSetProbe.CountTouchedSince"/>; before W accesses have been replayed, the window is all of
/// them (it never reaches before time 0). A real VMM cannot see this without trapping every access; the
/// simulator can, which is what makes it the yardstick for <see cref="EsxSamplingEstimator"/>.
/// </remarks>
[WorkingSetEstimator("exact-window", Description = "Exact working set: distinct pages touched in the last W accesses",
    Source = "Denning, The working set model for program behavior, CACM 11(5), 1968")]
public sealed class ExactWindowEstimator : IWorkingSetEstimator
{
    /// <summary>Creates the estimator for one VM.</summary>
    public ExactWindowEstimator(ExactWindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Period = options.Window;
    }

    /// <summary>The window W, which is also the period between estimates.</summary>
    public long Period { get; }

    /// <inheritdoc/>
    public long Estimate(VmView vm, IWorkingSetProbe probe, long periodStart)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return probe.CountTouchedSince(Math.Max(0, probe.Now - Period));
    }
}
