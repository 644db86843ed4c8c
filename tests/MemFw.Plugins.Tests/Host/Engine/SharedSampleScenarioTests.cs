using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>
/// The bundled shared-3vm scenario (three real guests started from their 128 MiB RAM snapshots) with every invariant
/// checked at each rebalancing point, under each sharing setting, on its 256 MiB host and on a 160 MiB one where the
/// host must also balloon and swap pages that are shared, into compressed RAM and to disk.
/// </summary>
public sealed class SharedSampleScenarioTests : IClassFixture<SharedSampleScenarioTests.Form>
{
    private readonly Form _form;

    public SharedSampleScenarioTests(Form form) => _form = form;

    public static TheoryData<string, bool, int, bool> Settings => new()
    {
        { "none", false, 256, false },
        { "none", true, 160, false },
        { "ksm", false, 160, false },
        { "ksm", true, 160, false },
        { "esx", true, 160, false },
        { "none", false, 160, true },
        { "ksm", true, 160, true },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Run_EverySharingSetting_KeepsTheInvariants(string scanner, bool zeroPages, int ramMib, bool patching)
    {
        var scenario = Scenario(scanner, zeroPages, ramMib);
        var result = RunScenario(scenario with { Host = scenario.Host with { Patching = patching } }, eagerGuest: false);

        // Frames saved, counted from the allocator's side: pages the VMs hold minus the frames holding them (all host
        // frames but the free ones, the hypervisor's and those the compressed store and the patches got from the host).
        var patchFrames = (result.Patching.PatchBytes + 4095) / 4096;
        var used = result.HostFrames - result.Samples[^1].FreeFrames - result.HypervisorFrames
            - (result.BackingStores.Sum(s => s.MachineFrames) + patchFrames - result.StoreShortfall);
        Assert.Equal(result.Sharing.PagesSharing, result.Vms.Sum(v => v.Granted) - used);
        Assert.Equal(scanner == "none" && !zeroPages, result.Sharing.PagesSharing == 0);
        Assert.Equal(patching, result.Patching.PatchesMade > 0);
    }

    [Fact]
    public void Run_SharingSavesFrames_SoTheHostSwapsAndStallsLess()
    {
        var plain = Run("none", false, 256);
        var shared = Run("ksm", true, 256);

        // 384 MiB of guests on 256 MiB: sharing saves frames (zero pages and other contents), so the host swaps and
        // balloons less and the guests stall less.
        Assert.True(shared.Sharing.ZeroSaved > 0 && shared.Sharing.ContentSaved > 0);
        Assert.True(shared.Vms.Sum(v => v.SwapIns + v.GuestSwapIns) < plain.Vms.Sum(v => v.SwapIns + v.GuestSwapIns),
            $"{shared.Vms.Sum(v => v.SwapIns + v.GuestSwapIns)} vs {plain.Vms.Sum(v => v.SwapIns + v.GuestSwapIns)}");
        Assert.True(shared.StallMicroseconds < plain.StallMicroseconds,
            $"{shared.StallMicroseconds} vs {plain.StallMicroseconds}");
    }

    [Fact]
    public void Run_LazyAndEagerGuestPools_Agree()
    {
        var scenario = Scenario("ksm", true, 160);

        HostRuns.AssertSame(RunScenario(scenario, eagerGuest: true), RunScenario(scenario, eagerGuest: false));
    }

    private HostRunResult Run(string scanner, bool zeroPages, int ramMib) =>
        RunScenario(Scenario(scanner, zeroPages, ramMib), eagerGuest: false);

    private Scenario Scenario(string scanner, bool zeroPages, int ramMib) => _form.Scenario with
    {
        Host = _form.Scenario.Host with
        {
            RamBytes = ramMib * (1L << 20),
            Sharing = _form.Scenario.Host.Sharing with
            {
                Scanner = scanner == "none" ? null : PolicySpec.Default(scanner),
                ZeroPages = zeroPages,
            },
        },
    };

    private HostRunResult RunScenario(Scenario scenario, bool eagerGuest) =>
        HostRun.Run(scenario, HostRuns.Bind(scenario), _form.Value, checkInvariants: true, eagerGuest, progress: null);

    /// <summary>The scenario and its host form, decoded once for the class.</summary>
    public sealed class Form() : ScenarioFixture("shared-3vm.yaml");
}
