using MemFw.Framework.Plugins;

namespace MemFw.Framework.Host.Scenarios;

/// <summary>
/// Content-based page sharing on a host (scenario key <c>host.sharing</c>): the scanner that merges equal pages of
/// the VMs' resident memory, the zero-page hack, salting, and how long sharing had run before the trace starts.
/// </summary>
/// <remarks>docs/sharing.md gives the model: what a merge frees, and how writes break shares.</remarks>
public sealed record SharingConfig
{
    /// <summary>
    /// The scanner (<c>scanner</c>, a <c>sharing-scanner</c> plugin such as <c>ksm</c> or
    /// <c>esx:pshare-scan-rate=400</c>), or <see langword="null"/> (<c>none</c>, the default): only the zero-page hack
    /// shares.
    /// </summary>
    public PolicySpec? Scanner { get; init; }

    /// <summary>
    /// The zero-page hack (<c>zero-pages</c>): every resident all-zero page maps to one host frame as soon as it is
    /// known to be zero, without scanning. Default false.
    /// </summary>
    public bool ZeroPages { get; init; }

    /// <summary>Salting (<c>salting</c>): pages are merged only within a VM. Default false.</summary>
    public bool Salting { get; init; }

    /// <summary>
    /// Scan time before the first access (<c>warmup</c>, such as <c>60s</c>), spent while the VMs' snapshot memory is
    /// loaded (<see cref="HostStart.Snapshot"/>): how long the host had been sharing. Default 0.
    /// </summary>
    public TimeSpan Warmup
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, "warmup");
            field = value;
        }
    }

    /// <summary>Whether anything is shared at all (a scanner or the zero-page hack).</summary>
    public bool Enabled => Scanner is not null || ZeroPages;
}
