using MemFw.Framework.Host;

namespace MemFw.Plugins.Tests.Host.Balloon;

/// <summary>What every balloon strategy owes the engine; a sealed subclass per strategy adds its scenarios.</summary>
public abstract class BalloonStrategyContractTests
{
    private protected abstract IBalloonStrategy Create();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void SetTargets_RandomVmsAndHosts_ZeroWithoutDriverElseWithinMemoryMinusGuarantee(int seed)
    {
        var random = new Random(seed);
        var strategy = Create();
        for (var round = 0; round < 300; round++)
        {
            var vms = HostViews.RandomVms(random, maxCount: 8, maxMemory: 100_000);
            var total = random.NextInt64(1, 600_000);
            var host = HostViews.Host(total, hypervisor: random.NextInt64(0, total / 10 + 1),
                free: random.NextInt64(0, total + 1), state: (PressureState)random.Next(4));
            var targets = Enumerable.Repeat(-1L, vms.Length).ToArray();

            strategy.SetTargets(host, vms, targets);

            for (var i = 0; i < vms.Length; i++)
            {
                Assert.InRange(targets[i], 0, vms[i].HasBalloon ? vms[i].MemoryPages - vms[i].GuaranteePages : 0);
            }
        }
    }

    [Fact]
    public void SetTargets_SpanShorterThanVms_Throws()
    {
        var vms = new[] { HostViews.Vm(0), HostViews.Vm(1) };

        Assert.Throws<ArgumentException>(() => Create().SetTargets(HostViews.Host(), vms, new long[1]));
    }

    /// <summary>The targets <paramref name="strategy"/> sets for <paramref name="vms"/>.</summary>
    private protected static long[] Targets(IBalloonStrategy strategy, HostView host, params VmView[] vms)
    {
        var targets = new long[vms.Length];
        strategy.SetTargets(host, vms, targets);
        return targets;
    }
}
