using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.WorkingSet;

/// <summary>
/// ESX's statistical working-set sampling: each period, n random guest pages are watched and the touched fraction
/// f = t / n is smoothed by a fast and a slow moving average; the estimate is the larger times the VM's memory.
/// </summary>
/// <remarks>
/// <para>
/// Waldspurger, "Memory Resource Management in VMware ESX Server", OSDI 2002, section 5.3: n pages chosen uniformly
/// at random among the VM's "physical" pages (here guest frames 0 to <see cref="VmView.MemoryPages"/> - 1), t of them
/// touched during the period, f = t / n; smoothed by exponentially weighted moving averages, and the estimate is the
/// maximum of the fast and slow averages (Figure 6), so it rises quickly with the working set and falls slowly.
/// </para>
/// <para>
/// Choices where the paper is open: pages are drawn with replacement, from <see cref="Random"/> seeded with
/// <see cref="HostPluginContext.Seed"/>; the draw is made when the period ends and
/// <see cref="IWorkingSetProbe.TouchedSince"/> answers for the whole period, which gives the same distribution as
/// drawing at its start (the draw does not depend on the accesses; a real VMM must draw first to invalidate the
/// mappings). Both averages start at the first period's fraction instead of 0. The paper's third average, which
/// also counts the samples of the period in progress, is left out: estimates are only asked for at period ends,
/// where it equals the fast one. Smoothing weights and the period (in accesses, not seconds) are in
/// <see cref="EsxSamplingOptions"/>.
/// </para>
/// </remarks>
[WorkingSetEstimator("esx-sampling", Description = "ESX sampling: n random pages per period, max of fast/slow EWMA",
    Source = "Waldspurger, Memory Resource Management in VMware ESX Server, OSDI 2002, section 5.3")]
public sealed class EsxSamplingEstimator : IWorkingSetEstimator
{
    private readonly EsxSamplingOptions _options;
    private readonly Random _random;

    /// <summary>The fast moving average of the touched fraction; NaN until the first period ends.</summary>
    private double _fast = double.NaN;

    /// <summary>The slow moving average of the touched fraction; NaN until the first period ends.</summary>
    private double _slow = double.NaN;

    /// <summary>Creates the estimator for one VM.</summary>
    public EsxSamplingEstimator(EsxSamplingOptions options, HostPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        _options = options;
        _random = new Random(context.Seed);
    }

    /// <inheritdoc/>
    public long Period => _options.Period;

    /// <inheritdoc/>
    public long Estimate(VmView vm, IWorkingSetProbe probe, long periodStart)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(probe);
        var touched = 0;
        for (var sample = 0; sample < _options.Samples; sample++)
        {
            if (probe.TouchedSince(_random.NextInt64(vm.MemoryPages), periodStart))
            {
                touched++;
            }
        }

        var fraction = (double)touched / _options.Samples;
        _fast = double.IsNaN(_fast) ? fraction : _fast + (_options.FastWeight * (fraction - _fast));
        _slow = double.IsNaN(_slow) ? fraction : _slow + (_options.SlowWeight * (fraction - _slow));
        return (long)Math.Round(Math.Max(_fast, _slow) * vm.MemoryPages);
    }
}
