using MemFw.Traces.Format;

namespace MemFw.Framework.Host.Scenarios;

/// <summary>One VM of a scenario: the trace it replays and its quota (ESX's min, max, shares; hot-plug).</summary>
/// <remarks>
/// Sizes are bytes, whole 4 KiB pages; the <c>*Pages</c> properties give them in pages. Invariants, checked by the
/// parser: <see cref="GuaranteeBytes"/> &lt;= <see cref="LimitBytes"/> &lt;= <see cref="MaxMemBytes"/> and
/// <see cref="MemoryBytes"/> &lt;= <see cref="MaxMemBytes"/>.
/// </remarks>
public sealed record VmConfig
{
    /// <summary>Shares of a VM marked <c>low</c>: ESX's high = 2 x normal = 4 x low.</summary>
    public const int LowShares = 500;

    /// <summary>Shares of a VM marked <c>normal</c>, the default: 1000 per VM, whatever its size.</summary>
    public const int NormalShares = 1000;

    /// <summary>Shares of a VM marked <c>high</c>: twice <see cref="NormalShares"/>.</summary>
    public const int HighShares = 2000;

    /// <summary>The VM's name, unique in the scenario (<c>name</c>; default: the trace VM's name).</summary>
    public required string Name { get; init; }

    /// <summary>The trace folder as the scenario file gives it (<c>trace</c>), for reports.</summary>
    public required string Trace { get; init; }

    /// <summary>The trace folder's full path, resolved against the scenario file's folder.</summary>
    public required string TracePath { get; init; }

    /// <summary>The id of the replayed VM inside the trace (the <c>vm</c> column's value).</summary>
    public required int TraceVmId { get; init; }

    /// <summary>The name of the replayed VM inside the trace (<c>trace-vm</c>).</summary>
    public required string TraceVmName { get; init; }

    /// <summary>Installed guest RAM (<c>memory</c>; default: the trace VM's <c>ram_bytes</c>, rounded up).</summary>
    public required long MemoryBytes { get; init; }

    /// <summary>The guaranteed minimum of machine memory, ESX's min (<c>guarantee</c>); default 0.</summary>
    public long GuaranteeBytes { get; init; }

    /// <summary>The most machine memory the VM may hold (<c>limit</c>); default <see cref="MemoryBytes"/>.</summary>
    public required long LimitBytes { get; init; }

    /// <summary>The hot-plug ceiling of guest RAM (<c>maxmem</c>); default <see cref="MemoryBytes"/>.</summary>
    public required long MaxMemBytes { get; init; }

    /// <summary>Relative priority, ESX shares (<c>shares</c>); default <see cref="NormalShares"/>.</summary>
    public int Shares { get; init; } = NormalShares;

    /// <summary>Whether the guest runs a balloon driver (<c>balloon</c>); default <see langword="true"/>.</summary>
    public bool HasBalloon { get; init; } = true;

    /// <summary>Memory the hypervisor keeps for this VM (<c>overhead</c>); default the host's.</summary>
    public long OverheadBytes { get; init; }

    /// <summary><see cref="MemoryBytes"/> in 4 KiB pages.</summary>
    public long MemoryPages => MemoryBytes / TraceFormat.PageSize;

    /// <summary><see cref="GuaranteeBytes"/> in 4 KiB pages.</summary>
    public long GuaranteePages => GuaranteeBytes / TraceFormat.PageSize;

    /// <summary><see cref="LimitBytes"/> in 4 KiB pages.</summary>
    public long LimitPages => LimitBytes / TraceFormat.PageSize;

    /// <summary><see cref="MaxMemBytes"/> in 4 KiB pages.</summary>
    public long MaxMemPages => MaxMemBytes / TraceFormat.PageSize;

    /// <summary><see cref="OverheadBytes"/> in 4 KiB pages.</summary>
    public long OverheadPages => OverheadBytes / TraceFormat.PageSize;
}
