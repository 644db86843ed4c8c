using MemFw.Framework.Host;
using MemFw.Plugins.Host;
using MemFw.Plugins.Host.VictimSelection;

namespace MemFw.Plugins.Tests.Host.VictimSelection;

public sealed class IdleTaxSelectorTests : VictimSelectorContractTests
{
    private protected override IVictimSelector Create() => new IdleTaxSelector(new IdleTaxOptions());

    [Fact]
    public void Rho_PaperFormula_SameValue()
    {
        // rho = S / (P (f + k (1 - f))), k = 1 / (1 - 0.75) = 4; S 1000, P 1000, f = 250 / 1000:
        // 1000 / (1000 * (0.25 + 4 * 0.75)) = 1000 / 3250.
        Assert.Equal(1000.0 / 3250, IdleMemoryTax.Rho(1000, 1000, 250, 0.75), 12);
        // f is clamped to 1: 800 active of 500 held -> 1000 / 500.
        Assert.Equal(2.0, IdleMemoryTax.Rho(1000, 500, 800, 0.75), 12);
    }

    [Theory]
    [InlineData(100, 0, 100)]
    [InlineData(600, 30, 570)]
    public void Apportion_ActiveAndIdleVm_LevelsAdjustedSharesPerPage(long need, long a, long b)
    {
        // tau 0.75, k = 4; equal shares, so the lowest rho is the highest cost P (f + k (1 - f)) = A + 4 (P - A).
        //   A: P 1000, all 1000 active: cost 1000 - a after a pages.
        //   B: P 1000, 250 active:      cost 250 + 4 (750 - b) = 3250 - 4b (while b <= 750).
        // 100: B's cost stays above 1000 while b < 562.5, so all 100 from B.
        // 600: the greedy ends with equal costs: 1000 - a = 3250 - 4b and a + b = 600 -> 5a = 150, a = 30, b = 570;
        //      both costs are then 970, and every page taken had cost above 970 (A: 1000..971, B: 3250..974).
        var vms = new[]
        {
            HostViews.Vm(0, granted: 1000, active: 1000),
            HostViews.Vm(1, granted: 1000, active: 250),
        };
        var reclaim = new long[2];

        Create().Apportion(HostViews.Host(), vms, need, reclaim);

        Assert.Equal([a, b], reclaim);
    }

    [Theory]
    [InlineData(300, 0, 300)]
    [InlineData(800, 200, 600)]
    public void Apportion_TaxRateZero_PureSharesPerPage(long need, long a, long b)
    {
        // tau 0: rho = S / P. A: S 2000, P 1000 (rho 2); B: S 1000, P 1000 (rho 1); activity does not matter.
        // 300: B's rho 1000 / (1000 - b) stays below 2 while b < 500: all from B.
        // 800: equal rho: 2000 / (1000 - a) = 1000 / (1000 - b), a + b = 800 -> 1000 - a = 2 (1000 - b) ->
        //      3b = 1800, b = 600, a = 200; pages with rho below 2.5: A a < 200 (200), B b < 600 (600), 800 in all.
        var vms = new[]
        {
            HostViews.Vm(0, granted: 1000, active: 0, shares: 2000),
            HostViews.Vm(1, granted: 1000, active: 1000, shares: 1000),
        };
        var reclaim = new long[2];

        new IdleTaxSelector(new IdleTaxOptions { TaxRate = 0 }).Apportion(HostViews.Host(), vms, need, reclaim);

        Assert.Equal([a, b], reclaim);
    }

    [Theory]
    [InlineData(15, 0.75)]
    [InlineData(16, 0)]
    [InlineData(17, 0.9)]
    public void Apportion_RandomVms_EqualsPageByPageGreedy(int seed, double taxRate) =>
        AssertEqualsNaiveGreedy(new IdleTaxSelector(new IdleTaxOptions { TaxRate = taxRate }), seed,
            (vm, taken) => IdleMemoryTax.Rho(vm.Shares, vm.GrantedPages - taken, vm.ActivePages, taxRate));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void Options_TaxRateOutOfRange_ThrowsNamingOption(double taxRate)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new IdleTaxOptions { TaxRate = taxRate });

        Assert.Equal("tax-rate", exception.ParamName);
    }
}
