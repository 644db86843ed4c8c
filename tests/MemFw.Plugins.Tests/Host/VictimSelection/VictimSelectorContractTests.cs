using MemFw.Framework.Host;

namespace MemFw.Plugins.Tests.Host.VictimSelection;

/// <summary>What every victim selector owes the engine; a sealed subclass per selector adds its scenarios.</summary>
public abstract class VictimSelectorContractTests
{
    private protected abstract IVictimSelector Create();

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 1_000)]
    [InlineData(3, 1L << 40)]
    public void Apportion_RandomVms_TotalIsNeedOrAllReclaimableWithinBounds(int seed, long maxMemory)
    {
        var random = new Random(seed);
        var selector = Create();
        for (var round = 0; round < 300; round++)
        {
            var vms = HostViews.RandomVms(random, maxCount: 8, maxMemory);
            var reclaimable = vms.Sum(v => v.ReclaimablePages);
            var need = random.Next(8) == 0 ? reclaimable + random.Next(100) : random.NextInt64(0, reclaimable + 1);
            var reclaim = Enumerable.Repeat(-1L, vms.Length).ToArray();

            selector.Apportion(HostViews.Host(), vms, need, reclaim);

            Assert.Equal(Math.Min(need, reclaimable), reclaim.Sum());
            for (var i = 0; i < vms.Length; i++)
            {
                Assert.InRange(reclaim[i], 0, vms[i].ReclaimablePages);
            }
        }
    }

    [Fact]
    public void Apportion_SameInputsOnNewSelectors_SameResult()
    {
        var vms = HostViews.RandomVms(new Random(9), maxCount: 8, maxMemory: 5_000);
        var need = vms.Sum(v => v.ReclaimablePages) / 3;
        var first = new long[vms.Length];
        var second = new long[vms.Length];

        Create().Apportion(HostViews.Host(), vms, need, first);
        Create().Apportion(HostViews.Host(), vms, need, second);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Apportion_SpanShorterThanVms_Throws()
    {
        var vms = new[] { HostViews.Vm(0, granted: 10), HostViews.Vm(1, granted: 10) };

        Assert.Throws<ArgumentException>(() => Create().Apportion(HostViews.Host(), vms, 5, new long[1]));
    }

    /// <summary>
    /// The naive page-by-page greedy the water-filling selectors must equal: each page comes from the VM that can
    /// still give whose <paramref name="score"/> (of the VM and the pages it gave so far) is lowest, ties to the
    /// lowest id.
    /// </summary>
    private protected static long[] NaiveGreedy(IReadOnlyList<VmView> vms, long need, Func<VmView, long, double> score)
    {
        var taken = new long[vms.Count];
        for (var page = 0L; page < need; page++)
        {
            var best = -1;
            for (var i = 0; i < vms.Count; i++)
            {
                if (taken[i] < vms[i].ReclaimablePages
                    && (best < 0 || score(vms[i], taken[i]) < score(vms[best], taken[best])))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            taken[best]++;
        }

        return taken;
    }

    /// <summary>Checks <paramref name="selector"/> against <see cref="NaiveGreedy"/> on random small VMs.</summary>
    private protected static void AssertEqualsNaiveGreedy(IVictimSelector selector, int seed,
        Func<VmView, long, double> score)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var vms = HostViews.RandomVms(random, maxCount: 6, maxMemory: 400);
            var need = random.NextInt64(0, vms.Sum(v => v.ReclaimablePages) + 20);
            var reclaim = new long[vms.Length];

            selector.Apportion(HostViews.Host(), vms, need, reclaim);

            Assert.Equal(NaiveGreedy(vms, need, score), reclaim);
        }
    }
}
