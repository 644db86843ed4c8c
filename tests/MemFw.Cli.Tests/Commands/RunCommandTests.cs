using System.Text.Json;
using MemFw.Traces.Tests.TestSupport;
using Snapshooter.Xunit;

namespace MemFw.Cli.Tests.Commands;

/// <summary>
/// <c>memfw run</c> and <c>memfw compare SCENARIO</c> on the bundled scenarios over the real samples, and the one-line
/// errors for scenarios that cannot run.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private static readonly string s_zones = Path.Combine(RepositoryPaths.Root, "scenarios", "zones-tight.yaml");
    private static readonly string s_overcommit = Path.Combine(RepositoryPaths.Root, "scenarios", "overcommit-3vm.yaml");
    private static readonly string s_shared = Path.Combine(RepositoryPaths.Root, "scenarios", "shared-3vm.yaml");
    private static readonly string[] s_esxtopKeys =
        ["granted", "active", "ballooned", "balloon_target", "swapped", "guest_swapped", "double_paging", "stall_microseconds"];
    private static readonly string[] s_states = ["high", "soft", "hard", "low"];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_ZonesTight_MatchesSnapshot()
    {
        var result = CliRun.Succeeds("run", s_zones, "--quiet");

        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Run_Json_ReportsEsxtopCountersPerVmAndHostSeries()
    {
        using var json = JsonDocument.Parse(CliRun.Succeeds("run", s_zones, "--json", "--quiet").Out);
        var root = json.RootElement;

        var vms = root.GetProperty("vms").EnumerateArray().ToList();
        Assert.Equal(["L1a", "L2", "linux-guest", "sort"], vms.Select(v => v.GetProperty("name").GetString()));
        foreach (var key in s_esxtopKeys)
        {
            Assert.All(vms, v => Assert.True(v.TryGetProperty(key, out _), key));
        }

        // The sample traces: L1a has 600,000 accesses in multi-vm.trace, RAM and device memory together.
        Assert.Equal(600_000, vms[0].GetProperty("accesses").GetInt64() + vms[0].GetProperty("io_accesses").GetInt64());
        Assert.Equal(vms.Sum(v => v.GetProperty("accesses").GetInt64()), root.GetProperty("accesses").GetInt64());
        var states = root.GetProperty("accesses_in_state");
        Assert.Equal(root.GetProperty("accesses").GetInt64(),
            s_states.Sum(s => states.GetProperty(s).GetInt64()));
        var hostFrames = root.GetProperty("host_frames").GetInt64();
        Assert.Equal(2048, hostFrames);
        var samples = root.GetProperty("samples").EnumerateArray().ToList();
        Assert.NotEmpty(samples);
        Assert.All(samples, s => Assert.InRange(s.GetProperty("free_frames").GetInt64(), 0, hostFrames));
        // The host is far too small for its guests (8 MiB), so it must have reclaimed something.
        Assert.True(vms.Sum(v => v.GetProperty("swap_outs").GetInt64() + v.GetProperty("guest_swap_outs").GetInt64()) > 0);
    }

    [Fact]
    public void Run_SameScenarioTwice_PrintsIdenticalJson()
    {
        var first = CliRun.Succeeds("run", s_zones, "--json", "--quiet").Out;
        var second = CliRun.Succeeds("run", s_zones, "--json", "--quiet").Out;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Run_Csv_PrintsOneRowPerVm()
    {
        var lines = CliRun.Succeeds("run", s_overcommit, "--csv", "--quiet").OutLines;

        Assert.StartsWith("vm,accesses,touched,granted,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["L1a", "L1b", "L2"], lines.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void Run_Series_HasOneRowPerRebalancingPointWithinTheHost()
    {
        using var json = JsonDocument.Parse(CliRun.Succeeds("run", s_zones, "--json", "--quiet").Out);
        var samples = json.RootElement.GetProperty("samples").GetArrayLength();

        var lines = CliRun.Succeeds("run", s_zones, "--series", "--csv", "--quiet").OutLines;

        Assert.Equal("time,free,state,L1a_granted,L1a_ballooned,L1a_swapped,L2_granted", string.Join(',',
            lines[0].Split(',').Take(7)));
        Assert.Equal(samples, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.InRange(long.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), 0, 2048));
    }

    [Fact]
    public void Run_UnknownVictimSelector_NamesFileAndKey()
    {
        var file = Scenario("host:\n  ram: 8M\n  victim-selector: idle-taks\n");

        var line = CliRun.FailsWithOneLine("run", file, "--quiet");

        Assert.Contains($"{file}: host.victim-selector: unknown victim selector 'idle-taks'", line, StringComparison.Ordinal);
        Assert.Contains("idle-tax", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OfflineSwapPolicy_IsRefused()
    {
        var file = Scenario("host:\n  ram: 8M\n  swap-policy: opt\n");

        var line = CliRun.FailsWithOneLine("run", file, "--quiet");

        Assert.Contains("host.swap-policy: policy 'opt' needs the trace's future", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadBalloonOption_NamesTheOption()
    {
        var file = Scenario("host:\n  ram: 8M\n  balloon: mom:pressure-threshold=2\n");

        var line = CliRun.FailsWithOneLine("run", file, "--quiet");

        Assert.Contains("host.balloon:", line, StringComparison.Ordinal);
        Assert.Contains("pressure-threshold", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownBackingStore_NamesTheItemAndTheNearestStores()
    {
        var file = Scenario("host:\n  ram: 8M\n  backing-store: [compressed-ram, dsk]\n");

        var line = CliRun.FailsWithOneLine("run", file, "--quiet");

        Assert.Contains($"{file}: host.backing-store[1]: unknown backing store 'dsk'; did you mean 'disk'", line,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ChainNotEndingWithADevice_IsRefused()
    {
        var file = Scenario("host:\n  ram: 8M\n  backing-store: [disk, frontswap]\n");

        var line = CliRun.FailsWithOneLine("run", file, "--quiet");

        Assert.Contains($"{file}: host.backing-store: store 'frontswap' follows 'disk', which keeps every page", line,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  sharing:\n    scanner: ksn\n", "host.sharing.scanner: unknown sharing scanner 'ksn'; did you mean 'ksm'")]
    [InlineData("  codec: lz5\n", "host.codec: unknown compression codec 'lz5'; did you mean 'lz4'")]
    [InlineData("  sharing:\n    scanner: ksm:pages-to-scan=none\n", "host.sharing.scanner:")]
    public void Run_BadContentPlugin_NamesFileAndKey(string host, string expected)
    {
        var file = Scenario("host:\n  ram: 8M\n" + host);

        var line = CliRun.FailsWithOneLine("run", file, "--quiet");

        Assert.Contains($"{file}: {expected}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCodecOfCompressedRam_SuggestsTheNearestCodec()
    {
        var file = Scenario("host:\n  ram: 8M\n  backing-store: [compressed-ram:codec=lz5, disk]\n");

        var line = CliRun.FailsWithOneLine("run", file, "--quiet");

        Assert.Contains($"{file}: host.backing-store[0]: unknown compression codec 'lz5'; did you mean 'lz4'", line,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_VaryBackingStore_CompressedRamKeepsPagesInFewerFrames()
    {
        // The real guests' touched pages carry their bytes: compressed RAM in front of the SSD keeps those that lz4
        // packs into 2 KiB or less, in fewer host frames than pages, and the VMs stall less than with the SSD alone.
        var lines = CliRun.Succeeds("compare", s_zones, "--vary",
            "backing-store=ssd:read-us=100,compressed-ram+ssd:read-us=100", "--format", "csv", "--quiet").OutLines;

        var header = lines[0].Split(',');
        var (ssd, chain) = (lines[1].Split(','), lines[2].Split(','));
        long Value(string[] row, string column) =>
            long.Parse(row[Array.IndexOf(header, column)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(("ssd:read-us=100", "compressed-ram+ssd:read-us=100"),
            (ssd[Array.IndexOf(header, "backing_store")], chain[Array.IndexOf(header, "backing_store")]));
        Assert.Equal((0L, 0L), (Value(ssd, "ram_store_pages"), Value(ssd, "ram_store_frames")));
        Assert.InRange(Value(chain, "ram_store_frames"), 1, Value(chain, "ram_store_pages") - 1);
        Assert.True(Value(chain, "stall_us") < Value(ssd, "stall_us"));
    }

    [Fact]
    public void Run_GuaranteesAboveHostRam_RefusedByAdmissionControl()
    {
        var file = Scenario("host:\n  ram: 1M\n", guarantee: "2M");

        var line = CliRun.FailsWithOneLine("run", file, "--quiet");

        Assert.Contains("host.ram: admission control", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingTrace_OneLine()
    {
        var file = _temp.Combine("missing.yaml");
        File.WriteAllText(file, "host:\n  ram: 8M\nvms:\n  - trace: nowhere.trace\n    memory: 1M\n");

        var line = CliRun.FailsWithOneLine("run", file, "--quiet");

        Assert.Contains("vms[0].trace", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ScenarioWithAlternativePolicies_MatchesSnapshot()
    {
        var result = CliRun.Succeeds("compare", s_zones, "--policies", "lru,clock", "--vary",
            "balloon=esx,citrix-dmc,none", "--format", "markdown", "--quiet");

        Assert.Equal(2 + 6, result.OutLines.Length);
        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Run_SharedGuests_MatchesSnapshot()
    {
        var result = CliRun.Succeeds("run", s_shared, "--quiet");

        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Compare_SharingTechniques_OnRealGuests_MatchesSnapshot()
    {
        // Each content technique alone and in every combination on the three real guests' snapshots: KSM, the
        // zero-page hack, Difference Engine patching, and compressed RAM in front of the disk.
        var result = CliRun.Succeeds("compare", s_shared, "--vary", "sharing=none,ksm", "--vary", "zero-pages=off,on",
            "--vary", "patching=off,on", "--vary", "backing-store=disk,compressed-ram+disk", "--format", "markdown",
            "--quiet");

        Assert.Equal(2 + 16, result.OutLines.Length);
        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Compare_ScenarioRows_AgreeWithRun()
    {
        var table = CliRun.Succeeds("compare", s_zones, "--vary", "victim-selector=shares", "--format", "csv",
            "--quiet").OutLines;
        var scenario = File.ReadAllText(s_zones).Replace("swap-policy: clock",
            "swap-policy: clock\n  victim-selector: shares", StringComparison.Ordinal);
        var file = _temp.Combine("zones-shares.yaml");
        File.WriteAllText(file, scenario.Replace("../traces/samples/", RepositoryPaths.Sample("") + "/", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(CliRun.Succeeds("run", file, "--json", "--quiet").Out);

        var header = table[0].Split(',');
        var row = table[1].Split(',');
        var swapOuts = json.RootElement.GetProperty("vms").EnumerateArray().Sum(v => v.GetProperty("swap_outs").GetInt64());
        Assert.Equal(swapOuts.ToString(System.Globalization.CultureInfo.InvariantCulture), row[Array.IndexOf(header, "swap_outs")]);
    }

    [Fact]
    public void Compare_ScenarioWithFrames_IsRefused()
    {
        var line = CliRun.FailsWithOneLine("compare", s_zones, "--frames", "64", "--quiet");

        Assert.Contains("--frames", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BadZeroPagesValue_IsRefused()
    {
        var line = CliRun.FailsWithOneLine("compare", s_shared, "--vary", "zero-pages=yes", "--quiet");

        Assert.Contains("--vary zero-pages: expected on or off, found 'yes'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_UnknownRole_IsRefused()
    {
        var line = CliRun.FailsWithOneLine("compare", s_zones, "--vary", "replacement=lru", "--quiet");

        Assert.Contains("--vary", line, StringComparison.Ordinal);
    }

    /// <summary>A scenario file with <paramref name="host"/> and one VM replaying the lackey sample's sort.</summary>
    private string Scenario(string host, string guarantee = "0")
    {
        var file = _temp.Combine($"s{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, host + $"vms:\n  - trace: {RepositoryPaths.Sample("lackey.trace")}\n    trace-vm: sort\n"
            + $"    memory: 4M\n    guarantee: {guarantee}\n");
        return file;
    }
}
