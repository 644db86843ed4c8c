using BenchmarkDotNet.Attributes;
using MemFw.Benchmarks.Replay;
using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;
using MemFw.Traces.Format;

namespace MemFw.Benchmarks.Host;

/// <summary>
/// The multi-VM host engine against the single-VM engine on the same accesses: every VM of a multi-VM trace (the
/// bundled three-guest sample unless MEMFW_BENCH_HOST_TRACE names another), replayed with LRU once as one page pool
/// (<c>memfw replay</c>) and once as VMs on a host (<c>memfw run</c>: guest and VMM pools per VM, rebalancing,
/// working-set sampling, ESX ballooning). Both read a replay form decoded beforehand, so the ratio is the per-access
/// cost of the host model; the target is at most 2x. <see cref="HostEagerGuests"/> runs every guest's own pool from
/// the start, as when every guest is squeezed below its footprint: two replacement pools per access.
/// <see cref="HostWithContent"/> adds every content technique: KSM and the zero-page hack over the pages' start
/// contents, Difference Engine patching at each rebalancing point, and compressed RAM in front of the disk.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class HostReplayBenchmarks
{
    private ReplayForm _single = null!;
    private HostForm _host = null!;
    private ReplaySettings _settings = null!;
    private IReplacementRunner _lru = null!;
    private Scenario _scenario = null!;
    private HostPolicies _policies = null!;
    private Scenario _contentScenario = null!;
    private HostPolicies _contentPolicies = null!;

    /// <summary>Memory for the pages: host frames (and single-VM frames) as a percentage of all VMs' distinct pages.</summary>
    [Params(100, 50)]
    public int MemoryPercent { get; set; }

    /// <summary>Decodes the trace both ways and binds the policies.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("MEMFW_BENCH_HOST_TRACE") is { Length: > 0 } p
            ? p
            : Path.Combine(Path.GetDirectoryName(BenchmarkData.TracePath)!, "multi-vm.trace");
        var trace = Trace.Open(path);
        _single = ReplayForm.Build(trace, []);
        var frames = Math.Max(1, _single.PageCount * MemoryPercent / 100);
        _settings = new ReplaySettings { Frames = frames };
        _lru = BuiltInPolicies.Get("lru").Bind(OptionValues.Empty);
        _scenario = new Scenario
        {
            Name = "bench",
            File = "bench.yaml",
            Directory = ".",
            Host = new HostConfig
            {
                RamBytes = (long)frames * TraceFormat.PageSize,
                Pressure = PressureThresholds.Zones,
                VictimSelector = PolicySpec.Default("max-over-guarantee"),
                Balloon = PolicySpec.Default("esx"),
            },
            Vms = [.. trace.Metadata.Vms.Select(vm => (vm, ram: vm.RamBytes ?? (128L << 20))).Select(v => new VmConfig
            {
                Name = v.vm.Name,
                Trace = path,
                TracePath = path,
                TraceVmId = v.vm.Id,
                TraceVmName = v.vm.Name,
                MemoryBytes = v.ram,
                LimitBytes = v.ram,
                MaxMemBytes = v.ram,
            })],
        };
        _host = HostRun.BuildForm(_scenario);
        var registry = BuiltInPolicies.Registry;
        _policies = new HostPolicies(_lru, _lru,
            registry.VictimSelectors.First(d => d.Name == "max-over-guarantee").Bind(OptionValues.Empty),
            registry.BalloonStrategies.First(d => d.Name == "esx").Bind(OptionValues.Empty),
            registry.WorkingSetEstimators.First(d => d.Name == "esx-sampling").Bind(OptionValues.Empty),
            [registry.BackingStores.First(d => d.Name == "disk").Bind(OptionValues.Empty)]);
        _contentScenario = _scenario with
        {
            Host = _scenario.Host with
            {
                Sharing = new SharingConfig { Scanner = PolicySpec.Default("ksm"), ZeroPages = true },
                Patching = true,
                BackingStores = [PolicySpec.Default("compressed-ram"), PolicySpec.Default("disk")],
            },
        };
        _contentPolicies = _policies with
        {
            BackingStores =
            [
                registry.BackingStores.First(d => d.Name == "compressed-ram").Bind(OptionValues.Empty),
                registry.BackingStores.First(d => d.Name == "disk").Bind(OptionValues.Empty),
            ],
            SharingScanner = registry.SharingScanners.First(d => d.Name == "ksm").Bind(OptionValues.Empty),
            Codec = registry.CompressionCodecs.First(d => d.Name == "lz4").Bind(OptionValues.Empty),
        };
    }

    /// <summary>Deletes the replay forms.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _single.Dispose();
        _host.Dispose();
    }

    /// <summary>All VMs' accesses as one LRU page pool: the single-VM engine.</summary>
    [Benchmark(Baseline = true)]
    public long SingleVm() => _lru.Run(_single, _settings).Counters.Faults;

    /// <summary>The same accesses as VMs on a host with LRU guests and VMM.</summary>
    [Benchmark]
    public long Host() => HostRun.Run(_scenario, _policies, _host).Vms.Sum(v => v.Faults);

    /// <summary>As <see cref="Host"/>, with sharing, patching and compressed RAM.</summary>
    [Benchmark]
    public long HostWithContent() => HostRun.Run(_contentScenario, _contentPolicies, _host).Vms.Sum(v => v.Faults);

    /// <summary>As <see cref="HostWithContent"/> without patching: what sharing and compressed RAM cost alone.</summary>
    [Benchmark]
    public long HostWithContentButPatching() =>
        HostRun.Run(_contentScenario with { Host = _contentScenario.Host with { Patching = false } }, _contentPolicies,
            _host).Vms.Sum(v => v.Faults);

    /// <summary>As <see cref="Host"/>, with every guest pool running from the first access.</summary>
    [Benchmark]
    public long HostEagerGuests() =>
        HostRun.Run(_scenario, _policies, _host, checkInvariants: false, eagerGuest: true, progress: null)
            .Vms.Sum(v => v.Faults);
}
