using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>Small scenarios built in code, bound against the built-in plugins, run with every invariant checked.</summary>
internal static class HostRuns
{
    /// <summary>The default cost of zero-filling a page at its first touch, µs.</summary>
    public const double ZeroFill = 1;

    /// <summary>The default disk writing a 4 KiB page: 4096 bytes at 50 MB/s, µs.</summary>
    public const double DiskWrite = 4096 / 50.0;

    /// <summary>The default disk reading a 4 KiB page: a 10,000 µs seek, then the transfer, µs.</summary>
    public const double DiskRead = 10_000 + DiskWrite;

    public static IPluginRegistry Registry { get; } = new Generated.MemFwPluginRegistry();

    /// <summary>A host of <paramref name="pages"/> frames swapping with LRU, no balloon, max-over-guarantee victims.</summary>
    public static HostConfig HostOf(long pages, PressureThresholds? pressure = null, long rebalancePeriod = 1_000_000) =>
        new()
        {
            RamBytes = pages * TraceFormat.PageSize,
            Pressure = pressure ?? new PressureThresholds { High = 0.5, Soft = 0.4, Hard = 0.3, Low = 0 },
            RebalancePeriod = rebalancePeriod,
            VictimSelector = PolicySpec.Default("max-over-guarantee"),
            Balloon = null,
        };

    /// <summary>A VM with sizes in pages.</summary>
    public static VmConfig Vm(string name, long memory, long guarantee = 0, long? limit = null, long? maxmem = null,
        int shares = VmConfig.NormalShares, bool balloon = true) => new()
        {
            Name = name,
            Trace = name,
            TracePath = name,
            TraceVmId = 0,
            TraceVmName = name,
            MemoryBytes = memory * TraceFormat.PageSize,
            GuaranteeBytes = guarantee * TraceFormat.PageSize,
            LimitBytes = (limit ?? memory) * TraceFormat.PageSize,
            MaxMemBytes = (maxmem ?? memory) * TraceFormat.PageSize,
            Shares = shares,
            HasBalloon = balloon,
        };

    public static Scenario Scenario(HostConfig host, params VmConfig[] vms) => new()
    {
        Name = "test",
        File = "test.yaml",
        Directory = ".",
        Host = host,
        Vms = vms,
    };

    /// <summary>Binds the scenario's specs against the built-in registry.</summary>
    public static HostPolicies Bind(Scenario scenario)
    {
        var host = scenario.Host;
        return new HostPolicies(
            Replacement(host.SwapPolicy),
            Replacement(host.GuestPolicy),
            Registry.VictimSelectors.Single(d => d.Name == host.VictimSelector.Name).Bind(host.VictimSelector.Values),
            host.Balloon is { } balloon
                ? Registry.BalloonStrategies.Single(d => d.Name == balloon.Name).Bind(balloon.Values)
                : null,
            Registry.WorkingSetEstimators.Single(d => d.Name == host.WorkingSet.Name).Bind(host.WorkingSet.Values),
            [.. host.BackingStores.Select(s => Registry.BackingStores.Single(d => d.Name == s.Name).Bind(s.Values))])
        {
            SharingScanner = host.Sharing.Scanner is { } scanner
                ? Registry.SharingScanners.Single(d => d.Name == scanner.Name).Bind(scanner.Values)
                : null,
            Codec = Registry.CompressionCodecs.Single(d => d.Name == host.Codec.Name).Bind(host.Codec.Values),
        };
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> over <paramref name="accesses"/> (VM index, guest frame, write), once with guest
    /// pools started when they first matter and once from the start, and checks that both give the same result.
    /// </summary>
    public static HostRunResult Run(Scenario scenario, params (int Vm, long Gfn, bool Write)[] accesses) =>
        Run(scenario, null, accesses);

    /// <summary>
    /// As <see cref="Run(Scenario, ValueTuple{int, long, bool}[])"/>, with each VM's start snapshot (preloaded when the
    /// scenario starts from snapshots).
    /// </summary>
    public static HostRunResult Run(Scenario scenario, IReadOnlyList<StartSnapshot?>? snapshots,
        params (int Vm, long Gfn, bool Write)[] accesses)
    {
        using var form = HostForm.FromAccesses(scenario.Vms.Count, accesses, snapshots,
            scenario.Host.Start == HostStart.Snapshot);
        var lazy = HostRun.Run(scenario, Bind(scenario), form, checkInvariants: true, eagerGuest: false, progress: null);
        var eager = HostRun.Run(scenario, Bind(scenario), form, checkInvariants: true, eagerGuest: true, progress: null);
        AssertSame(eager, lazy);
        return lazy;
    }

    /// <summary>Asserts that two runs counted and sampled the same.</summary>
    public static void AssertSame(HostRunResult expected, HostRunResult actual)
    {
        Assert.Equal(expected.Vms, actual.Vms);
        Assert.Equal(expected.Samples.Select(Flat), actual.Samples.Select(Flat));
        Assert.Equal((expected.Rebalances, expected.OutOfMemoryNotifications, expected.MinFreeFrames),
            (actual.Rebalances, actual.OutOfMemoryNotifications, actual.MinFreeFrames));
        Assert.Equal(expected.AccessesInState, actual.AccessesInState);
        Assert.Equal(expected.BackingStores, actual.BackingStores);
    }

    private static string Flat(HostSample sample) =>
        $"{sample.Time} {sample.FreeFrames} {sample.State} {string.Join(' ', sample.Vms)}";

    /// <summary>Reads of pages <paramref name="first"/>..<paramref name="last"/> of one VM, in order.</summary>
    public static IEnumerable<(int Vm, long Gfn, bool Write)> Reads(int vm, long first, long last)
    {
        for (var gfn = first; gfn <= last; gfn++)
        {
            yield return (vm, gfn, false);
        }
    }

    /// <summary>Reads alternating between VM 0 and VM 1, page i of each in round i, for <paramref name="rounds"/> rounds.</summary>
    public static IEnumerable<(int Vm, long Gfn, bool Write)> Alternating(long rounds)
    {
        for (var gfn = 0L; gfn < rounds; gfn++)
        {
            yield return (0, gfn, false);
            yield return (1, gfn, false);
        }
    }

    private static Framework.Replacement.IReplacementRunner Replacement(PolicySpec spec) =>
        Registry.ReplacementPolicies.Single(d => d.Name == spec.Name).Bind(spec.Values);
}
