using MemFw.Framework.Host;
using MemFw.Plugins.Host.WorkingSet;

namespace MemFw.Plugins.Tests.Host.WorkingSet;

public sealed class EsxSamplingEstimatorTests
{
    private const long Memory = 10_000;

    [Fact]
    public void Estimate_EveryPageTouched_WholeMemory()
    {
        // Every sample is touched: f = 1 in every period, both averages 1: 1 x 10000.
        var (estimator, probe, vm) = Setup(seed: 1);

        Assert.Equal(Memory, Period(estimator, probe, vm, Enumerable.Range(0, (int)Memory).ToArray()));
        Assert.Equal(Memory, Period(estimator, probe, vm, Enumerable.Range(0, (int)Memory).ToArray()));
    }

    [Fact]
    public void Estimate_NothingTouchedThisPeriod_OnlyTheSlowAverageRemains()
    {
        // Period 1 touches everything: fast = slow = 1. Period 2 touches nothing (f = 0): fast = 1 + 0.5 (0 - 1) =
        // 0.5, slow = 1 + 0.1 (0 - 1) = 0.9; estimate max = 0.9 x 10000 = 9000: accesses before the period do not
        // count, and the slow average keeps the estimate up.
        var (estimator, probe, vm) = Setup(seed: 2);
        Period(estimator, probe, vm, Enumerable.Range(0, (int)Memory).ToArray());

        Assert.Equal(9000, Period(estimator, probe, vm, []));
    }

    [Fact]
    public void Estimate_SteadyWorkingSet_ConvergesToIt()
    {
        // 2500 of 10000 pages (f = 0.25) touched every period, after one period touching every page.
        // n = 100: one period's f has standard deviation sqrt(0.25 x 0.75 / 100) = 0.043; the fast average
        // (weight 0.5) keeps sqrt(0.5 / 1.5) of it, 0.025, the slow one (0.1) sqrt(0.1 / 1.9) of it, 0.010.
        // Tolerance: each estimate after 40 periods (the slow average has forgotten the first period:
        // 0.9^40 = 1.5%) within 0.12 of memory (about 5 standard deviations of the fast average, so that 300
        // periods stay inside for almost any seed), and the mean over 300 periods within 0.02 (max(fast, slow) is
        // biased upwards, by about 0.01 in a simulation of this setting).
        var (estimator, probe, vm) = Setup(seed: 3);
        var workingSet = WorkingSet(new Random(30), 2500);
        Period(estimator, probe, vm, Enumerable.Range(0, (int)Memory).ToArray());
        var estimates = new List<long>();

        for (var period = 0; period < 340; period++)
        {
            var estimate = Period(estimator, probe, vm, workingSet);
            if (period >= 40)
            {
                Assert.InRange(estimate, 2500 - (0.12 * Memory), 2500 + (0.12 * Memory));
                estimates.Add(estimate);
            }
        }

        Assert.InRange(estimates.Average(), 2500 - (0.02 * Memory), 2500 + (0.02 * Memory));
    }

    [Fact]
    public void Estimate_WorkingSetGrows_FollowsWithinThreePeriods()
    {
        // 30 periods at 1000 pages (f = 0.1), then 4000 (f = 0.4): the fast average closes half the gap per period,
        // after three 0.4 - 0.3 / 8 = 0.36 (deviation 0.03), so the estimate is above 2700 (0.27); the slow average
        // alone would be at 0.4 - 0.3 x 0.9^3 = 0.18.
        Assert.InRange(ThreePeriodsAfterChange(seed: 4, before: 1000, periodsBefore: 30, after: 4000), 2700, Memory);
    }

    [Fact]
    public void Estimate_WorkingSetShrinks_FallsSlowly()
    {
        // 60 periods at 4000 pages (f = 0.4), then 1000 (f = 0.1): the slow average loses a tenth of the gap per
        // period, after three 0.4 - 0.3 (1 - 0.9^3) = 0.32, so the estimate is still above 2500 (exact: 1000).
        Assert.InRange(ThreePeriodsAfterChange(seed: 5, before: 4000, periodsBefore: 60, after: 1000), 2500, Memory);
    }

    [Fact]
    public void Estimate_SameSeed_SameEstimates()
    {
        Assert.Equal(Estimates(seed: 6), Estimates(seed: 6));
        Assert.NotEqual(Estimates(seed: 6), Estimates(seed: 7));
    }

    [Fact]
    public void Period_Default_FourPointEightMillionAccesses()
    {
        var estimator = new EsxSamplingEstimator(new EsxSamplingOptions(), new HostPluginContext(1, 1000));

        Assert.Equal(4_800_000, estimator.Period);
    }

    [Fact]
    public void Options_OutOfRange_ThrowsNamingOption()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EsxSamplingOptions { Samples = 0 }).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EsxSamplingOptions { Period = 0 }).ParamName);
        Assert.Equal("fast-weight", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EsxSamplingOptions { FastWeight = 0 }).ParamName);
        Assert.Equal("slow-weight", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EsxSamplingOptions { SlowWeight = 1.5 }).ParamName);
    }

    private static (EsxSamplingEstimator Estimator, TraceProbe Probe, VmView Vm) Setup(int seed) =>
        (new EsxSamplingEstimator(new EsxSamplingOptions(), new HostPluginContext(seed, 1000)),
            new TraceProbe(Memory), HostViews.Vm(0, Memory));

    /// <summary>Replays one period touching <paramref name="pages"/> once each, then asks for the estimate.</summary>
    private static long Period(EsxSamplingEstimator estimator, TraceProbe probe, VmView vm, int[] pages)
    {
        var start = probe.Now;
        foreach (var page in pages)
        {
            probe.Access(page);
        }

        return estimator.Estimate(vm, probe, start);
    }

    /// <summary>
    /// The estimate after <paramref name="periodsBefore"/> periods touching <paramref name="before"/> pages, then
    /// three touching another <paramref name="after"/> pages.
    /// </summary>
    private static long ThreePeriodsAfterChange(int seed, int before, int periodsBefore, int after)
    {
        var (estimator, probe, vm) = Setup(seed);
        var random = new Random(seed * 10);
        var first = WorkingSet(random, before);
        var second = WorkingSet(random, after);
        for (var period = 0; period < periodsBefore; period++)
        {
            Period(estimator, probe, vm, first);
        }

        Period(estimator, probe, vm, second);
        Period(estimator, probe, vm, second);
        return Period(estimator, probe, vm, second);
    }

    private static int[] WorkingSet(Random random, int size)
    {
        var pages = Enumerable.Range(0, (int)Memory).ToArray();
        random.Shuffle(pages);
        return pages[..size];
    }

    private static long[] Estimates(int seed)
    {
        var (estimator, probe, vm) = Setup(seed);
        var workingSet = WorkingSet(new Random(60), 3000);
        return Enumerable.Range(0, 20).Select(_ => Period(estimator, probe, vm, workingSet)).ToArray();
    }
}
