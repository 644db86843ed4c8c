using MemFw.Traces.Format;
using YamlDotNet.RepresentationModel;

namespace MemFw.Framework.Host.Scenarios;

/// <summary>Reads the <c>host</c> mapping of a scenario file into a <see cref="HostConfig"/>, with defaults.</summary>
internal static class HostConfigReader
{
    /// <summary>The keys of <c>host</c>.</summary>
    public static readonly string[] Keys =
    [
        "ram", "overhead", "pressure", "rebalance-period", "swap-policy", "guest-policy", "victim-selector", "balloon",
        "working-set", "guest-free-window", "hotplug-step", "backing-store", "start", "sharing", "patching",
        "patch-cutoff", "codec", "costs",
    ];

    private static readonly string[] s_sharingKeys = ["scanner", "zero-pages", "salting", "warmup"];

    private static readonly string[] s_pressureKeys = ["high", "soft", "hard", "low"];

    private static readonly string[] s_costKeys =
        ["access", "hit", "guest-swap-in", "balloon-inflate", "balloon-deflate", "write-back", "zero-fill", "scan-page",
            "similarity-hash", "patch-encode", "patch-decode"];

    /// <summary>Cost keys that the backing stores' options replaced: each with the store option that took its place.</summary>
    private static readonly (string Key, string Replacement)[] s_removedCostKeys =
    [
        ("vmm-swap-in-disk", "disk:seek-us"),
        ("vmm-swap-in-ssd", "ssd:read-us"),
    ];

    /// <summary>Reads <paramref name="host"/>.</summary>
    /// <exception cref="TraceInputException">A value is missing, of the wrong type or out of range.</exception>
    public static HostConfig Read(YamlMap host)
    {
        var ram = host.Size("ram", TraceFormat.PageSize)
            ?? throw host.Missing("ram", "the host's RAM, such as 256M or 4G");
        var defaults = new HostConfig { RamBytes = ram };
        return defaults with
        {
            OverheadBytes = host.Size("overhead", 0) ?? defaults.OverheadBytes,
            Pressure = ReadPressure(host) ?? defaults.Pressure,
            RebalancePeriod = host.Integer("rebalance-period", 1, long.MaxValue) ?? defaults.RebalancePeriod,
            SwapPolicy = host.Policy("swap-policy") ?? defaults.SwapPolicy,
            GuestPolicy = host.Policy("guest-policy") ?? defaults.GuestPolicy,
            VictimSelector = host.Policy("victim-selector") ?? defaults.VictimSelector,
            Balloon = host.Text("balloon", "a balloon strategy or none") == "none"
                ? null
                : host.Policy("balloon") ?? defaults.Balloon,
            WorkingSet = host.Policy("working-set") ?? defaults.WorkingSet,
            GuestFreeWindow = host.Text("guest-free-window", "never or a number of accesses") == "never"
                ? null
                : host.Integer("guest-free-window", 1, long.MaxValue, "never") ?? defaults.GuestFreeWindow,
            HotPlugStepBytes = host.Size("hotplug-step", TraceFormat.PageSize) ?? defaults.HotPlugStepBytes,
            BackingStores = host.Policies("backing-store",
                "a backing store NAME[:OPTION=VALUE]... or a list of them, such as disk or [compressed-ram, disk]")
                ?? defaults.BackingStores,
            Start = host.Text("start", "empty or snapshot") switch
            {
                null => defaults.Start,
                "empty" => HostStart.Empty,
                "snapshot" => HostStart.Snapshot,
                var other => throw host.Error("start", $"expected empty or snapshot, found '{other}'"),
            },
            Sharing = ReadSharing(host.Map("sharing", s_sharingKeys)) ?? defaults.Sharing,
            Patching = host.Bool("patching") ?? defaults.Patching,
            PatchCutoffBytes = (int?)host.Integer("patch-cutoff", 1, TraceFormat.PageSize) ?? defaults.PatchCutoffBytes,
            Codec = host.Policy("codec") ?? defaults.Codec,
            Costs = ReadCosts(RefuseRemovedCosts(host)) ?? defaults.Costs,
        };
    }

    private static SharingConfig? ReadSharing(YamlMap? sharing) => sharing is null
        ? null
        : new SharingConfig
        {
            Scanner = sharing.Text("scanner", "a sharing scanner or none") == "none" ? null : sharing.Policy("scanner"),
            ZeroPages = sharing.Bool("zero-pages") ?? false,
            Salting = sharing.Bool("salting") ?? false,
            Warmup = sharing.Duration("warmup") ?? TimeSpan.Zero,
        };

    private static PressureThresholds? ReadPressure(YamlMap host)
    {
        const string Expected = "esx, zones, or a mapping of high, soft, hard and (optional) low free fractions";
        switch (host.Node("pressure"))
        {
            case null:
                return null;
            case YamlMappingNode:
                var map = host.Map("pressure", s_pressureKeys)!;
                var thresholds = new PressureThresholds
                {
                    High = map.Fraction("high") ?? throw map.Missing("high", "the free fraction reclamation restores"),
                    Soft = map.Fraction("soft")
                        ?? throw map.Missing("soft", "the free fraction below which to balloon"),
                    Hard = map.Fraction("hard") ?? throw map.Missing("hard", "the free fraction below which to swap"),
                    Low = map.Fraction("low") ?? 0,
                };
                return thresholds.Soft >= thresholds.High ? throw map.Error("soft", "expected less than high")
                    : thresholds.Hard >= thresholds.Soft ? throw map.Error("hard", "expected less than soft")
                    : thresholds.Low >= thresholds.Hard ? throw map.Error("low", "expected less than hard")
                    : thresholds;
            default:
                return host.Text("pressure", Expected) switch
                {
                    "esx" => PressureThresholds.Esx,
                    "zones" => PressureThresholds.Zones,
                    var other => throw host.Error("pressure", $"expected {Expected}, found '{other}'"),
                };
        }
    }

    /// <summary>
    /// The <c>costs</c> mapping, after refusing the keys of swap-in costs that the backing stores' own options replaced,
    /// with a message that says which option to set instead.
    /// </summary>
    private static YamlMap? RefuseRemovedCosts(YamlMap host)
    {
        if (host.Node("costs") is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                var name = (key as YamlScalarNode)?.Value;
                foreach (var (removed, replacement) in s_removedCostKeys.Where(r => r.Key == name))
                {
                    var example = value is YamlScalarNode { Value: { Length: > 0 } text } ? text : "N";
                    throw ScenarioError.At(host.File, key.Start, $"{host.KeyPath("costs")}.{removed}",
                        "no longer a cost: the backing store's own options set it; write backing-store: "
                        + $"{replacement}={example} instead");
                }
            }
        }

        return host.Map("costs", s_costKeys);
    }

    private static CostModel? ReadCosts(YamlMap? costs)
    {
        if (costs is null)
        {
            return null;
        }

        const string Unit = "microseconds";
        var defaults = new CostModel();
        return defaults with
        {
            Access = costs.NonNegative("access", Unit) ?? defaults.Access,
            Hit = costs.NonNegative("hit", Unit) ?? defaults.Hit,
            GuestSwapIn = costs.NonNegative("guest-swap-in", Unit) ?? defaults.GuestSwapIn,
            BalloonInflate = costs.NonNegative("balloon-inflate", Unit) ?? defaults.BalloonInflate,
            BalloonDeflate = costs.NonNegative("balloon-deflate", Unit) ?? defaults.BalloonDeflate,
            WriteBack = costs.NonNegative("write-back", Unit) ?? defaults.WriteBack,
            ZeroFill = costs.NonNegative("zero-fill", Unit) ?? defaults.ZeroFill,
            ScanPage = costs.NonNegative("scan-page", Unit) ?? defaults.ScanPage,
            SimilarityHash = costs.NonNegative("similarity-hash", Unit) ?? defaults.SimilarityHash,
            PatchEncode = costs.NonNegative("patch-encode", Unit) ?? defaults.PatchEncode,
            PatchDecode = costs.NonNegative("patch-decode", Unit) ?? defaults.PatchDecode,
        };
    }
}
