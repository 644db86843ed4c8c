using MemFw.Plugins.Host.WorkingSet;

namespace MemFw.Plugins.Tests.Host.WorkingSet;

public sealed class ExactWindowEstimatorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(2_500)]
    [InlineData(50_000)]
    public void Estimate_RandomTrace_DistinctPagesOfTheLastWindow(long window)
    {
        // A trace with locality over 3000 pages; at several points the estimate must equal the number of distinct
        // pages among the last `window` accesses, counted here from the trace itself (all of it when the window
        // reaches back past the start).
        var random = new Random(8);
        var trace = new long[20_000];
        for (var i = 0; i < trace.Length; i++)
        {
            trace[i] = random.Next(4) == 0 ? random.Next(3000) : random.Next(200);
        }

        var estimator = new ExactWindowEstimator(new ExactWindowOptions { Window = window });
        var probe = new TraceProbe(3000);
        var vm = HostViews.Vm(0, 3000);
        foreach (var checkpoint in new[] { 1, 99, 2_500, 7_777, 20_000 })
        {
            while (probe.Now < checkpoint)
            {
                probe.Access(trace[probe.Now]);
            }

            var first = (int)Math.Max(0, checkpoint - window);
            var expected = trace[first..checkpoint].Distinct().Count();

            Assert.Equal(expected, estimator.Estimate(vm, probe, periodStart: 0));
        }
    }

    [Fact]
    public void Period_Default_TheDefaultSamplingPeriod()
    {
        Assert.Equal(new EsxSamplingOptions().Period, new ExactWindowEstimator(new ExactWindowOptions()).Period);
    }

    [Fact]
    public void Options_WindowZero_ThrowsNamingOption()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new ExactWindowOptions { Window = 0 });

        Assert.Equal("window", exception.ParamName);
    }
}
