using MemFw.Framework.Parsing;
using MemFw.Traces.Format;

namespace MemFw.Framework.Host.Scenarios;

/// <summary>
/// Reads the VMs of a scenario file: opens each trace's metadata (once per trace folder) to find the replayed VM and
/// its RAM, applies the defaults and checks the quota.
/// </summary>
internal sealed class VmConfigReader
{
    /// <summary>The keys of a VM.</summary>
    public static readonly string[] Keys =
        ["name", "trace", "trace-vm", "memory", "guarantee", "limit", "shares", "maxmem", "balloon", "overhead"];

    private readonly string _directory;
    private readonly HostConfig _host;
    private readonly Dictionary<string, Trace> _traces = new(StringComparer.Ordinal);

    /// <summary>Creates a reader resolving trace paths against <paramref name="directory"/>.</summary>
    public VmConfigReader(string directory, HostConfig host)
    {
        _directory = directory;
        _host = host;
    }

    /// <summary>Reads one VM.</summary>
    /// <exception cref="TraceInputException">
    /// A value is missing or wrong, the trace is not there, the trace VM is unknown, or the quota is inconsistent.
    /// </exception>
    public VmConfig Read(YamlMap vm)
    {
        const string TraceExpected = "the path of a trace folder";
        var trace = vm.Text("trace", TraceExpected) ?? throw vm.Missing("trace", TraceExpected);
        var tracePath = Path.GetFullPath(Path.Combine(_directory, trace));
        var traceVm = FindTraceVm(vm, Open(vm, tracePath));
        var memory = vm.Size("memory", TraceFormat.PageSize)
            ?? RoundUpToPages(traceVm.RamBytes)
            ?? throw vm.Missing("memory",
                $"the VM's RAM, such as 128M: trace VM '{traceVm.Name}' does not give its RAM");
        var config = new VmConfig
        {
            Name = vm.Text("name", "a VM name") ?? traceVm.Name,
            Trace = trace,
            TracePath = tracePath,
            TraceVmId = traceVm.Id,
            TraceVmName = traceVm.Name,
            MemoryBytes = memory,
            GuaranteeBytes = vm.Size("guarantee", 0) ?? 0,
            LimitBytes = vm.Size("limit", TraceFormat.PageSize) ?? memory,
            MaxMemBytes = vm.Size("maxmem", TraceFormat.PageSize) ?? memory,
            Shares = ReadShares(vm),
            HasBalloon = vm.Bool("balloon") ?? true,
            OverheadBytes = vm.Size("overhead", 0) ?? _host.OverheadBytes,
        };
        CheckQuota(vm, config);
        return config;
    }

    private Trace Open(YamlMap vm, string tracePath)
    {
        if (!_traces.TryGetValue(tracePath, out var trace))
        {
            try
            {
                trace = Trace.Open(tracePath);
            }
            catch (TraceInputException e)
            {
                throw ScenarioError.At(vm.File, vm.Node("trace")!.Start, vm.KeyPath("trace"), e.Message, e);
            }

            _traces.Add(tracePath, trace);
        }

        return trace;
    }

    private static VmDescriptor FindTraceVm(YamlMap vm, Trace trace)
    {
        var names = trace.Metadata.Vms.Select(v => v.Name).ToList();
        if (vm.Text("trace-vm", "a VM name or id of the trace") is { } wanted)
        {
            return trace.FindVm(wanted)
                ?? throw vm.Error("trace-vm",
                    $"no VM '{wanted}' in {trace.Path}{NameSuggestions.Describe(wanted, names)}");
        }

        return trace.Metadata.Vms.Count == 1
            ? trace.Metadata.Vms[0]
            : throw vm.Error("trace", $"{trace.Path} holds {trace.Metadata.Vms.Count} VMs " +
                $"({string.Join(", ", names)}): choose one with trace-vm");
    }

    private static int ReadShares(YamlMap vm)
    {
        const string Words = "low, normal, high";
        return vm.Text("shares", Words) switch
        {
            null => VmConfig.NormalShares,
            "low" => VmConfig.LowShares,
            "normal" => VmConfig.NormalShares,
            "high" => VmConfig.HighShares,
            _ => (int)vm.Integer("shares", 1, int.MaxValue, Words)!.Value,
        };
    }

    private static long? RoundUpToPages(long? bytes) =>
        bytes is { } b ? (b + TraceFormat.PageSize - 1) / TraceFormat.PageSize * TraceFormat.PageSize : null;

    /// <summary>
    /// Checks memory &lt;= maxmem, limit &lt;= maxmem and guarantee &lt;= limit, pointing at the key the file sets (the
    /// first of the two when it sets both), and saying which value is a default.
    /// </summary>
    private static void CheckQuota(YamlMap vm, VmConfig c)
    {
        const string DefaultMaxMem = "maxmem (defaults to memory)";
        const string DefaultLimit = "limit (defaults to memory)";
        Check(vm, ("memory", c.MemoryBytes, "memory (the trace VM's RAM)"), ("maxmem", c.MaxMemBytes, DefaultMaxMem));
        Check(vm, ("limit", c.LimitBytes, DefaultLimit), ("maxmem", c.MaxMemBytes, DefaultMaxMem));
        Check(vm, ("guarantee", c.GuaranteeBytes, "guarantee"), ("limit", c.LimitBytes, DefaultLimit));
    }

    /// <summary>Checks <paramref name="low"/> &lt;= <paramref name="high"/>: key, value, name when defaulted.</summary>
    private static void Check(
        YamlMap vm, (string Key, long Bytes, string Default) low, (string Key, long Bytes, string Default) high)
    {
        if (low.Bytes > high.Bytes)
        {
            throw vm.Error(vm.Has(low.Key) ? low.Key : high.Key, $"{Describe(vm, low)} is above {Describe(vm, high)}");
        }
    }

    private static string Describe(YamlMap vm, (string Key, long Bytes, string Default) value) =>
        $"{(vm.Has(value.Key) ? value.Key : value.Default)} {ByteSize.Format(value.Bytes)}";
}
