namespace MemFw.Framework.Host.Scenarios;

/// <summary>What a VM holds when a host run starts (scenario key <c>host.start</c>).</summary>
public enum HostStart
{
    /// <summary>
    /// Nothing (<c>empty</c>, the default): a page takes a host frame when the trace first touches it, so only the
    /// memory the trace touches counts.
    /// </summary>
    Empty,

    /// <summary>
    /// The VM's first page snapshot (<c>snapshot</c>): every page it shows is loaded, in guest frame order, before the
    /// first access, as in a guest that has run for a while and whose hypervisor backs all its RAM. Loading counts
    /// in no result; it fills the pools, and the host swaps what does not fit. VMs whose trace has no snapshot start
    /// empty.
    /// </summary>
    Snapshot,
}
