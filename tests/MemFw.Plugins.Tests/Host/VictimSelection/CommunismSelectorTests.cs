using MemFw.Framework.Host;
using MemFw.Plugins.Host.VictimSelection;

namespace MemFw.Plugins.Tests.Host.VictimSelection;

public sealed class CommunismSelectorTests : VictimSelectorContractTests
{
    private protected override IVictimSelector Create() => new CommunismSelector();

    [Theory]
    [InlineData(100, 45, 10, 45)]
    [InlineData(101, 46, 10, 45)]
    [InlineData(30, 10, 10, 10)]
    public void Apportion_OneVmShort_ItsShareSpreadOverTheOthers(long need, long a, long b, long c)
    {
        // Reclaimable: A 100, B 10, C 50, D 0 (at its guarantee, so it is cut by nothing).
        // 100: a third each would be 33.3, but B has only 10; the other 90 are split between A and C: 45 each.
        // 101: the odd page goes to the lowest id that can still give: A 46.
        // 30: 10 each, B can give that much.
        var vms = new[]
        {
            HostViews.Vm(0, granted: 150, guarantee: 50),
            HostViews.Vm(1, granted: 10),
            HostViews.Vm(2, granted: 50),
            HostViews.Vm(3, granted: 80, guarantee: 80),
        };
        var reclaim = new long[4];

        Create().Apportion(HostViews.Host(), vms, need, reclaim);

        Assert.Equal([a, b, c, 0], reclaim);
    }

    [Fact]
    public void Apportion_RandomVms_EqualsGreedyOnPagesGivenSoFar() =>
        AssertEqualsNaiveGreedy(Create(), 14, (_, taken) => taken);
}
