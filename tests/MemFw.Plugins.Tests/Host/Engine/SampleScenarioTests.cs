using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>
/// The bundled zones-tight scenario (four real guests from the samples on an 8 MiB host) run with every invariant
/// checked at each rebalancing point: under every swap and guest policy that can run on a host, and for the seed's
/// interaction of ballooning and VMM swapping.
/// </summary>
public sealed class SampleScenarioTests : IClassFixture<SampleScenarioTests.Form>
{
    private readonly Form _form;

    public SampleScenarioTests(Form form) => _form = form;

    /// <summary>Online replacement policies, for theories.</summary>
    public static TheoryData<string> OnlinePolicies =>
        new(HostRuns.Registry.ReplacementPolicies.Where(p => !p.Offline).Select(p => p.Name));

    [Theory]
    [MemberData(nameof(OnlinePolicies))]
    public void Run_EverySwapPolicy_KeepsTheInvariants(string policy)
    {
        var scenario = _form.Scenario with { Host = _form.Scenario.Host with { SwapPolicy = PolicySpec.Default(policy) } };

        var result = Run(scenario);

        Assert.All(result.Vms, vm => Assert.InRange(vm.Granted, 0, result.HostFrames));
        Assert.True(result.Vms.Sum(v => v.SwapOuts) > 0, "the 8 MiB host must swap");
    }

    [Theory]
    [MemberData(nameof(OnlinePolicies))]
    public void Run_EveryGuestPolicy_KeepsTheInvariants(string policy)
    {
        // citrix-dmc squeezes every guest hard, so the guests' own policies run from the first rebalancing points; the
        // guest pools, started then by replaying each VM's accesses so far, give what pools run from the start give.
        var scenario = _form.Scenario with
        {
            Host = _form.Scenario.Host with
            {
                GuestPolicy = PolicySpec.Default(policy),
                Balloon = PolicySpec.Default("citrix-dmc"),
                GuestFreeWindow = null,
            },
        };

        var result = Run(scenario);

        Assert.True(result.Vms.Sum(v => v.GuestSwapOuts) > 0, "DMC must make the guests swap");
        HostRuns.AssertSame(Run(scenario, eagerGuest: true), result);
    }

    [Fact]
    public void Run_Ballooning_LowersVmmSwapping()
    {
        // The seed's interaction: with ESX ballooning, guests give their idle pages to their balloons, so the VMM
        // swaps fewer pages than without a balloon, on the same guests and host.
        var ballooned = Run(_form.Scenario);
        var unballooned = Run(_form.Scenario with { Host = _form.Scenario.Host with { Balloon = null } });

        Assert.True(ballooned.Vms.Sum(v => v.Ballooned) > 0);
        Assert.True(ballooned.Vms.Sum(v => v.SwapOuts) < unballooned.Vms.Sum(v => v.SwapOuts),
            $"{ballooned.Vms.Sum(v => v.SwapOuts)} vs {unballooned.Vms.Sum(v => v.SwapOuts)}");
    }

    [Fact]
    public void Run_SameSeed_SameResult_OtherSeed_OtherRandomChoices()
    {
        var random = _form.Scenario with { Host = _form.Scenario.Host with { SwapPolicy = PolicySpec.Default("random") } };

        var first = Run(random);
        var again = Run(random);
        var other = Run(random with { Seed = random.Seed + 1 });

        Assert.Equal(first.Vms, again.Vms);
        Assert.Equal(first.Samples.Select(s => (s.Time, s.FreeFrames, s.State)), again.Samples.Select(s => (s.Time, s.FreeFrames, s.State)));
        Assert.NotEqual(first.Vms, other.Vms);
    }

    private HostRunResult Run(Scenario scenario, bool eagerGuest = false) =>
        HostRun.Run(scenario, HostRuns.Bind(scenario), _form.Value, checkInvariants: true, eagerGuest, progress: null);

    /// <summary>The scenario and its host form, decoded once for the class.</summary>
    public sealed class Form() : ScenarioFixture("zones-tight.yaml");
}
