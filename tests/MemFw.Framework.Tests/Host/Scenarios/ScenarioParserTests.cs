using MemFw.Cli.Tests;
using MemFw.Framework.Host;
using MemFw.Framework.Host.Scenarios;
using MemFw.Traces.Format;

namespace MemFw.Framework.Tests.Host.Scenarios;

/// <summary>
/// The scenario parser: the examples give the model read off by hand, defaults apply; on a bad file, each error is one
/// line naming the file, the line of the fault and the key, and says what was expected
/// (<see cref="ScenarioFiles.Error"/> checks the shape).
/// </summary>
public sealed class ScenarioParserTests
{
    private const long MiB = 1 << 20;

    private static readonly string s_multi = RepositoryPaths.Sample("multi-vm.trace");

    /// <summary>
    /// A valid file with <paramref name="host"/> lines added to the host from line 3 and <paramref name="vm"/> lines
    /// added to its one VM (from line 7 when <paramref name="host"/> is empty).
    /// </summary>
    private static string Yaml(string host = "", string vm = "") =>
        "host:\n  ram: 256M\n" + Indent(host, 2)
        + "vms:\n  - name: a\n    trace: {multi}\n    trace-vm: L1a\n" + Indent(vm, 4);

    public static TheoryData<string, int, string, string> BadFiles { get; } = new()
    {
        // unknown keys, with the nearest known key
        { "hots:\n  ram: 1G\n" + Yaml(), 1, "hots",
            "unknown key; did you mean 'host'? Known: description, host, name, seed, vms" },
        { Yaml(host: "ramm: 1G"), 3, "host.ramm", "unknown key; did you mean 'ram'?" },
        { Yaml(vm: "gaurantee: 1M"), 7, "vms[0].gaurantee", "unknown key; did you mean 'guarantee'?" },
        { Yaml(host: "costs:\n  guest-swapin: 100"), 4, "host.costs.guest-swapin",
            "did you mean 'guest-swap-in'" },
        { Yaml(host: "pressure: {high: 0.1, sof: 0.05, hard: 0.01}"), 3, "host.pressure.sof",
            "did you mean 'soft' or" },

        // content keys
        { Yaml(host: "start: warm"), 3, "host.start", "expected empty or snapshot, found 'warm'" },
        { Yaml(host: "sharing:\n  scaner: ksm"), 4, "host.sharing.scaner", "unknown key; did you mean 'scanner'?" },
        { Yaml(host: "sharing:\n  warmup: 60"), 4, "host.sharing.warmup",
            "expected a duration such as 500ms, 60s, 10m or 2h, found '60'" },
        { Yaml(host: "sharing:\n  warmup: -5s"), 4, "host.sharing.warmup", "found '-5s'" },
        { Yaml(host: "sharing:\n  zero-pages: yes"), 4, "host.sharing.zero-pages", "expected true or false, found 'yes'" },
        { Yaml(host: "patching: sometimes"), 3, "host.patching", "expected true or false, found 'sometimes'" },
        { Yaml(host: "patch-cutoff: 5000"), 3, "host.patch-cutoff", "expected an integer from 1 to 4096, found '5000'" },
        { Yaml(host: "codec: lz4:level"), 3, "host.codec", "('level' has no '=')" },
        { Yaml(host: "costs:\n  scan-page: fast"), 4, "host.costs.scan-page", "expected a number of microseconds" },

        // wrong types
        { Yaml(host: "overhead: [1, 2]"), 3, "host.overhead",
            "expected a size such as 4096, 64K, 128M or 2G, found a list" },
        { Yaml(vm: "shares: lots"), 7, "vms[0].shares",
            "expected low, normal, high or an integer from 1 to 2147483647, found 'lots'" },
        { Yaml(vm: "shares: 0"), 7, "vms[0].shares", "found '0'" },
        { Yaml(vm: "balloon: maybe"), 7, "vms[0].balloon", "expected true or false, found 'maybe'" },
        { "host:\n  ram: 1G\nvms:\n  - name:\n    trace: {multi}\n    trace-vm: L1a\n", 4, "vms[0].name",
            "expected a VM name, found nothing" },
        { Yaml(vm: "name: b"), 7, "", "not valid YAML: Duplicate key name" },
        { Yaml(host: "rebalance-period: 0"), 3, "host.rebalance-period",
            "expected an integer of at least 1, found '0'" },
        { Yaml(host: "guest-free-window: soon"), 3, "host.guest-free-window",
            "expected never or an integer of at least 1" },
        { Yaml(host: "backing-store: []"), 3, "host.backing-store",
            "expected a backing store NAME[:OPTION=VALUE]... or a list of them, such as disk or [compressed-ram, "
            + "disk], found an empty list" },
        { Yaml(host: "backing-store: {disk: 1}"), 3, "host.backing-store",
            "expected a backing store NAME[:OPTION=VALUE]... or a list of them, such as disk or [compressed-ram, "
            + "disk], found a mapping" },
        { Yaml(host: "backing-store: ssd:read"), 3, "host.backing-store",
            "expected NAME[:OPTION=VALUE]..., found 'ssd:read' ('read' has no '=')" },
        { Yaml(host: "backing-store:\n  - compressed-ram\n  - ssd:read\n"), 5, "host.backing-store[1]",
            "expected NAME[:OPTION=VALUE]..., found 'ssd:read' ('read' has no '=')" },
        { Yaml(host: "backing-store: [disk, [ssd]]"), 3, "host.backing-store[1]", "found a list" },
        { Yaml(host: "backing-store: [disk, '']"), 3, "host.backing-store[1]", "found nothing" },

        // cost keys the backing stores' options replaced
        { Yaml(host: "costs:\n  vmm-swap-in-ssd: 100"), 4, "host.costs.vmm-swap-in-ssd",
            "no longer a cost: the backing store's own options set it; write backing-store: ssd:read-us=100 instead" },
        { Yaml(host: "costs:\n  hit: 0\n  vmm-swap-in-disk: 8000"), 5, "host.costs.vmm-swap-in-disk",
            "write backing-store: disk:seek-us=8000 instead" },
        { Yaml(host: "costs:\n  hit: -1"), 4, "host.costs.hit",
            "expected a number of microseconds, at least 0, found '-1'" },
        { Yaml(host: "swap-policy: aging:bits"), 3, "host.swap-policy",
            "expected NAME[:OPTION=VALUE]..., found 'aging:bits'" },
        { "seed: abc\n" + Yaml(), 1, "seed", "expected an integer from -2147483648 to 2147483647, found 'abc'" },
        { "host: 1G\nvms: []\n", 1, "host", "expected a mapping with keys ram, overhead," },
        { "host:\n  ram: 1G\nvms: []\n", 3, "vms",
            "expected a list of VMs, each a mapping with at least trace, found an empty list" },

        // sizes
        { Yaml(vm: "memory: 128Q"), 7, "vms[0].memory", "expected a size such as 4096, 64K, 128M or 2G, found '128Q'" },
        { Yaml(vm: "guarantee: 1000"), 7, "vms[0].guarantee", "expected whole 4 KiB pages, found '1000' (1000 bytes)" },
        { Yaml(vm: "limit: 0"), 7, "vms[0].limit", "expected at least 4 KiB, found '0'" },

        // pressure thresholds
        { Yaml(host: "pressure: vmware"), 3, "host.pressure", "expected esx, zones, or a mapping of high, soft, hard" },
        { Yaml(host: "pressure:\n  high: 1.5\n  soft: 0.04\n  hard: 0.02"), 4, "host.pressure.high",
            "between 0 and 1 (exclusive)" },
        { Yaml(host: "pressure:\n  high: 0.05\n  soft: 6%\n  hard: 0.02"), 5, "host.pressure.soft",
            "expected less than high" },
        { Yaml(host: "pressure:\n  high: 0.06\n  soft: 0.04\n  hard: 0.02\n  low: 0.03"), 7, "host.pressure.low",
            "expected less than hard" },
        { Yaml(host: "pressure:\n  high: 0.06\n  soft: 0.04"), 4, "host.pressure.hard",
            "missing: expected the free fraction below which to swap" },

        // quotas
        { Yaml(vm: "guarantee: 96M\nlimit: 64M"), 7, "vms[0].guarantee", "guarantee 96 MiB is above limit 64 MiB" },
        { Yaml(vm: "guarantee: 192M"), 7, "vms[0].guarantee",
            "guarantee 192 MiB is above limit (defaults to memory) 128 MiB" },
        { Yaml(vm: "limit: 192M\nmaxmem: 160M"), 7, "vms[0].limit", "limit 192 MiB is above maxmem 160 MiB" },
        { Yaml(vm: "memory: 192M\nmaxmem: 160M"), 7, "vms[0].memory", "memory 192 MiB is above maxmem 160 MiB" },
        { Yaml(vm: "maxmem: 64M"), 7, "vms[0].maxmem", "memory (the trace VM's RAM) 128 MiB is above maxmem 64 MiB" },

        // VMs and their traces
        { Yaml() + "  - name: a\n    trace: {multi}\n    trace-vm: L2\n", 7, "vms[1].name",
            "duplicate VM name 'a': vms[0] has it too" },
        { "host:\n  ram: 1G\nvms:\n  - trace: {multi}\n    trace-vm: L1a\n  - trace: {multi}\n    trace-vm: 0\n",
            6, "vms[1].name", "duplicate VM name 'L1a': vms[0] has it too" },
        { "host:\n  ram: 1G\nvms:\n  - trace: no-such.trace\n", 4, "vms[0].trace",
            "no-such.trace: trace folder not found" },
        { "host:\n  ram: 1G\nvms:\n  - trace: {multi}\n", 4, "vms[0].trace",
            "holds 3 VMs (L1a, L1b, L2): choose one with trace-vm" },
        { "host:\n  ram: 1G\nvms:\n  - trace: {multi}\n    trace-vm: L3\n", 5, "vms[0].trace-vm", "no VM 'L3' in" },
        { "host:\n  ram: 1G\nvms:\n  - name: x\n    trace: {lackey}\n    trace-vm: sort\n", 4, "vms[0].memory",
            "missing: expected the VM's RAM" },
        { "host:\n  ram: 1G\nvms:\n  - trace-vm: L1a\n", 4, "vms[0].trace",
            "missing: expected the path of a trace folder" },
        { "vms: []\n", 1, "host", "missing: expected a mapping with the host's ram and policies" },

        // YAML itself
        { "host:\n  ram: [256M\nvms: []\n", 3, "", "not valid YAML" },
        { "host:\n  ram: 256M\n  ram: 1G\n", 3, "", "not valid YAML: Duplicate key ram" },
        { "host:\n  ram: 1G\n---\nname: x\n", 4, "", "expected one YAML document, found a second" },
        { "host:\n  ram: 'abc\n", 2, "",
            "not valid YAML: While scanning a quoted scalar, found unexpected end of stream." },
        { "host:\n  ram: 1G\n bad: 2\n", 3, "",
            "not valid YAML: While parsing a block mapping, did not find expected key." },
    };

    [Fact]
    public void Load_Overcommit3vm_GivesTheFileValuesAndTheTraceRam()
    {
        var scenario = ScenarioParser.Load(ScenarioFiles.Example("overcommit-3vm.yaml"));

        Assert.Equal("overcommit-3vm", scenario.Name);
        Assert.StartsWith("The three guests of traces/samples/multi-vm.trace", scenario.Description,
            StringComparison.Ordinal);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "scenarios"), scenario.Directory);
        Assert.Equal(42, scenario.Seed);
        var host = scenario.Host;
        Assert.Equal(256 * MiB, host.RamBytes);
        Assert.Equal(65_536, host.RamPages);
        Assert.Same(PressureThresholds.Esx, host.Pressure);
        Assert.Equal(100_000, host.RebalancePeriod);
        Assert.Equal(["lru", "lru", "idle-tax", "esx", "esx-sampling:period=100000"],
            [host.SwapPolicy.Label, host.GuestPolicy.Label, host.VictimSelector.Label, host.Balloon!.Label,
                host.WorkingSet.Label]);
        Assert.Equal(["disk"], host.BackingStores.Select(s => s.Label));

        // name, trace-vm id, guarantee, limit, shares; memory = maxmem = the trace's ram_bytes 134217728 (128 MiB)
        (string Name, int Id, long Guarantee, long Limit, int Shares)[] expected =
        [
            ("L1a", 0, 64 * MiB, 128 * MiB, 1000),
            ("L1b", 1, 32 * MiB, 128 * MiB, 500),
            ("L2", 2, 64 * MiB, 96 * MiB, 2000),
        ];
        Assert.Equal(expected.Length, scenario.Vms.Count);
        foreach (var (vm, want) in scenario.Vms.Zip(expected))
        {
            Assert.Equal(want.Name, vm.Name);
            Assert.Equal(want.Name, vm.TraceVmName);
            Assert.Equal(want.Id, vm.TraceVmId);
            Assert.Equal("../traces/samples/multi-vm.trace", vm.Trace);
            Assert.Equal(s_multi, vm.TracePath);
            Assert.Equal(134_217_728, vm.MemoryBytes);
            Assert.Equal(32_768, vm.MemoryPages);
            Assert.Equal(134_217_728, vm.MaxMemBytes);
            Assert.Equal(want.Guarantee, vm.GuaranteeBytes);
            Assert.Equal(want.Limit, vm.LimitBytes);
            Assert.Equal(want.Shares, vm.Shares);
            Assert.True(vm.HasBalloon);
            Assert.Equal(0, vm.OverheadBytes);
        }

        Assert.Equal(16_384, scenario.Vms[0].GuaranteePages);
        Assert.Equal(24_576, scenario.Vms[2].LimitPages);
    }

    [Fact]
    public void Load_ZonesTight_GivesPresetCostsOverheadsAndSingleVmTraces()
    {
        var scenario = ScenarioParser.Load(ScenarioFiles.Example("zones-tight.yaml"));

        Assert.Equal(("zones-tight", 7), (scenario.Name, scenario.Seed));
        var host = scenario.Host;
        Assert.Equal((8 * MiB, 2048L), (host.RamBytes, host.RamPages));
        Assert.Equal(512 * 1024, host.OverheadBytes);
        Assert.Same(PressureThresholds.Zones, host.Pressure);
        Assert.Equal("clock", host.SwapPolicy.Label);
        Assert.Equal(200_000, host.GuestFreeWindow);
        var ssd = Assert.Single(host.BackingStores);
        Assert.Equal(("ssd", "read-us", "100"), (ssd.Name, ssd.Options[0].Key, ssd.Options[0].Value));
        Assert.Equal("ssd:read-us=100", host.BackingStoreLabel);
        Assert.Equal(new CostModel { GuestSwapIn = 150 }, host.Costs);

        var (l1a, l2, linux, sort) = (scenario.Vms[0], scenario.Vms[1], scenario.Vms[2], scenario.Vms[3]);
        Assert.Equal(("L1a", 0, 1 * MiB, 2000, 512L * 1024),
            (l1a.TraceVmName, l1a.TraceVmId, l1a.GuaranteeBytes, l1a.Shares, l1a.OverheadBytes));
        Assert.Equal(128L, l1a.OverheadPages);
        Assert.Equal((2, 1500, false), (l2.TraceVmId, l2.Shares, l2.HasBalloon));
        Assert.Equal(("linux-guest", "linux-guest", 0), (linux.Name, linux.TraceVmName, linux.TraceVmId));
        Assert.Equal((128 * MiB, 192 * MiB, 256 * MiB), (linux.MemoryBytes, linux.LimitBytes, linux.MaxMemBytes));
        Assert.Equal(65_536, linux.MaxMemPages);
        Assert.Equal(("sort", 0, 64 * MiB, 64 * MiB, 0L),
            (sort.Name, sort.TraceVmId, sort.MemoryBytes, sort.LimitBytes, sort.OverheadBytes));
        Assert.Equal(RepositoryPaths.Sample("lackey.trace"), sort.TracePath);
    }

    [Fact]
    public void Load_OnlyRequiredKeys_AppliesEveryDefault()
    {
        var scenario = ScenarioFiles.Load("""
            host:
              ram: 1G
            vms:
              - trace: {linux}
            """);

        Assert.Equal("scenario", scenario.Name);
        Assert.Equal("", scenario.Description);
        Assert.Equal(Scenario.DefaultSeed, scenario.Seed);
        var host = scenario.Host;
        Assert.Equal(0, host.OverheadBytes);
        Assert.Same(PressureThresholds.Esx, host.Pressure);
        Assert.Equal(HostConfig.DefaultRebalancePeriod, host.RebalancePeriod);
        Assert.Equal(["lru", "lru", "idle-tax", "esx", "esx-sampling"],
            [host.SwapPolicy.Label, host.GuestPolicy.Label, host.VictimSelector.Label, host.Balloon!.Label,
                host.WorkingSet.Label]);
        Assert.Null(host.GuestFreeWindow);
        Assert.Equal(["disk"], host.BackingStores.Select(s => s.Label));
        Assert.Equal(
            (0.0, 10_000.0, 1.0, 1.0, 80.0, 1.0),
            (host.Costs.Hit, host.Costs.GuestSwapIn, host.Costs.BalloonInflate, host.Costs.BalloonDeflate,
                host.Costs.WriteBack, host.Costs.ZeroFill));
        var vm = Assert.Single(scenario.Vms);
        Assert.Equal("linux-guest", vm.Name);
        Assert.Equal((256 * MiB, 0L, 256 * MiB, 256 * MiB),
            (vm.MemoryBytes, vm.GuaranteeBytes, vm.LimitBytes, vm.MaxMemBytes));
        Assert.Equal((VmConfig.NormalShares, true, 0L), (vm.Shares, vm.HasBalloon, vm.OverheadBytes));
    }

    [Fact]
    public void Load_ExplicitThresholdsPoliciesAndWords_AreParsed()
    {
        var scenario = ScenarioFiles.Load("""
            seed: -3
            host:
              ram: 2GiB
              pressure: {high: 8%, soft: 0.05, hard: 3%}
              swap-policy: aging:bits=4:tick=1000
              balloon: none
              guest-free-window: never
            vms:
              - {trace: {multi}, trace-vm: "2", shares: low, balloon: FALSE}
            """);

        Assert.Equal(-3, scenario.Seed);
        Assert.Equal(2048 * MiB, scenario.Host.RamBytes);
        var pressure = scenario.Host.Pressure;
        Assert.Equal(("custom", 0.08, 0.05, 0.03, 0.0),
            (pressure.Preset, pressure.High, pressure.Soft, pressure.Hard, pressure.Low));
        var swap = scenario.Host.SwapPolicy;
        Assert.Equal("aging", swap.Name);
        Assert.Equal([new("bits", "4"), new("tick", "1000")], swap.Options);
        Assert.Null(scenario.Host.Balloon);
        Assert.Null(scenario.Host.GuestFreeWindow);
        var vm = Assert.Single(scenario.Vms);
        Assert.Equal(("L2", 2, VmConfig.LowShares, false), (vm.Name, vm.TraceVmId, vm.Shares, vm.HasBalloon));
    }

    [Fact]
    public void Load_BackingStoreChain_KeepsTheSpecsInOrderInEitherListForm()
    {
        var flow = ScenarioFiles.Load(Yaml(host: "backing-store: [frontswap:capacity=4096, compressed-ram, disk]"));
        var block = ScenarioFiles.Load(Yaml(host: "backing-store:\n  - frontswap:capacity=4096\n  - compressed-ram\n"
            + "  - disk"));

        foreach (var host in new[] { flow.Host, block.Host })
        {
            Assert.Equal(["frontswap", "compressed-ram", "disk"], host.BackingStores.Select(s => s.Name));
            Assert.Equal([new("capacity", "4096")], host.BackingStores[0].Options);
            Assert.Equal("frontswap:capacity=4096+compressed-ram+disk", host.BackingStoreLabel);
        }
    }

    [Fact]
    public void Load_ContentKeys_AreParsed()
    {
        var scenario = ScenarioFiles.Load(Yaml(host: "start: snapshot\nsharing:\n  scanner: esx:pshare-scan-rate=400\n"
            + "  zero-pages: true\n  salting: true\n  warmup: 1.5m\npatching: true\npatch-cutoff: 1024\ncodec: zstd:level=9\n"
            + "costs:\n  scan-page: 0.5\n  patch-encode: 3\n  patch-decode: 2\n  similarity-hash: 0.1"));

        var host = scenario.Host;
        Assert.Equal(HostStart.Snapshot, host.Start);
        Assert.Equal(("esx", "pshare-scan-rate", "400"),
            (host.Sharing.Scanner!.Name, host.Sharing.Scanner.Options[0].Key, host.Sharing.Scanner.Options[0].Value));
        Assert.Equal((true, true, TimeSpan.FromSeconds(90)),
            (host.Sharing.ZeroPages, host.Sharing.Salting, host.Sharing.Warmup));
        Assert.Equal((true, 1024, "zstd:level=9"), (host.Patching, host.PatchCutoffBytes, host.Codec.Label));
        Assert.Equal((0.5, 3.0, 2.0, 0.1),
            (host.Costs.ScanPage, host.Costs.PatchEncode, host.Costs.PatchDecode, host.Costs.SimilarityHash));
    }

    [Fact]
    public void Load_NoContentKeys_StartsEmptyWithNothingShared()
    {
        var host = ScenarioFiles.Load(Yaml(host: "sharing:\n  scanner: none")).Host;

        Assert.Equal((HostStart.Empty, false, false, TimeSpan.Zero, false, 2048, "lz4"), (host.Start,
            host.Sharing.Enabled, host.Sharing.ZeroPages, host.Sharing.Warmup, host.Patching, host.PatchCutoffBytes,
            host.Codec.Label));
    }

    [Fact]
    public void Parse_DocsCompleteExample_StatesTheModelDefaults()
    {
        // the first yaml block of the page, read as if it were a file in docs/ (its trace path is relative to it)
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "scenario.md"));
        var start = doc.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var file = Path.Combine(RepositoryPaths.Root, "docs", "x.yaml");

        var scenario = ScenarioParser.Parse(new StringReader(yaml), file);

        var defaults = new HostConfig { RamBytes = 256 * MiB };
        var host = scenario.Host;
        Assert.Equal(defaults.Costs, host.Costs);
        Assert.Same(defaults.Pressure, host.Pressure);
        Assert.Equal(
            (defaults.OverheadBytes, defaults.RebalancePeriod, defaults.GuestFreeWindow, defaults.BackingStoreLabel),
            (host.OverheadBytes, host.RebalancePeriod, host.GuestFreeWindow, host.BackingStoreLabel));
        Assert.Equal(
            [defaults.SwapPolicy.Label, defaults.GuestPolicy.Label, defaults.VictimSelector.Label,
                defaults.Balloon!.Label, defaults.WorkingSet.Label],
            [host.SwapPolicy.Label, host.GuestPolicy.Label, host.VictimSelector.Label, host.Balloon!.Label,
                host.WorkingSet.Label]);
        Assert.Equal(Scenario.DefaultSeed, scenario.Seed);
        var vm = Assert.Single(scenario.Vms);
        Assert.Equal((s_multi, 128 * MiB, 0L, 128 * MiB, 128 * MiB, VmConfig.NormalShares, true, 0L),
            (vm.TracePath, vm.MemoryBytes, vm.GuaranteeBytes, vm.LimitBytes, vm.MaxMemBytes, vm.Shares, vm.HasBalloon,
                vm.OverheadBytes));
    }

    [Theory]
    [InlineData(0.07, PressureState.High)]
    [InlineData(0.05, PressureState.High)]
    [InlineData(0.04, PressureState.High)]
    [InlineData(0.039, PressureState.Soft)]
    [InlineData(0.019, PressureState.Hard)]
    [InlineData(0.0099, PressureState.Low)]
    public void StateFor_EsxPreset_EntersEachStateBelowItsThreshold(double free, PressureState state) =>
        Assert.Equal(state, PressureThresholds.Esx.StateFor(free));

    [Fact]
    public void StateFor_ZonesPreset_HasNoLowState()
    {
        var zones = PressureThresholds.Zones;

        Assert.Equal(
            [PressureState.High, PressureState.Soft, PressureState.Hard, PressureState.Hard],
            [zones.StateFor(0.15), zones.StateFor(0.09), zones.StateFor(0.04), zones.StateFor(0)]);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Load_BadFile_OneLineNamingFileLineAndKey(string yaml, int line, string key, string fragment)
    {
        var error = ScenarioFiles.Error(yaml, line, key);

        Assert.Contains(fragment, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTraceVm_SuggestsTheNearestNames()
    {
        var error = ScenarioFiles.Error(
            "host:\n  ram: 1G\nvms:\n  - trace: {multi}\n    trace-vm: L3\n", 5, "vms[0].trace-vm");

        Assert.EndsWith("multi-vm.trace; did you mean 'L2' or 'L1a' or 'L1b'? Known: L1a, L1b, L2",
            error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        var error = Assert.Throws<TraceInputException>(() => ScenarioParser.Load("no-such-scenario.yaml"));

        Assert.Equal("no-such-scenario.yaml: scenario file not found", error.Message);
    }

    private static string Indent(string lines, int spaces) =>
        lines.Length == 0 ? "" : string.Concat(lines.Split('\n').Select(l => new string(' ', spaces) + l + "\n"));
}
