using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.VictimSelection;

/// <summary>
/// Asks the VMs in turn, across calls: the VM whose turn it is gives all it can, then the next, until the need is met.
/// </summary>
/// <remarks>
/// The round-robin rule of MemFw's host model (issue 5), a baseline that ignores size, shares and use. Open points:
/// the turn passes to the VM after the last one asked, so a VM that met the need with pages to spare is not asked
/// first again next time; a call that asks every VM without meeting the need leaves the turn where it was; a call
/// that needs nothing asks nobody.
/// </remarks>
[VictimSelector("round-robin", Description = "Asks the VMs in turn across calls, each giving all it can",
    Source = "MemFw host model (issue 5): round-robin")]
public sealed class RoundRobinSelector : IVictimSelector
{
    /// <summary>The index of the VM whose turn it is.</summary>
    private int _turn;

    /// <inheritdoc/>
    public void Apportion(HostView host, IReadOnlyList<VmView> vms, long pagesNeeded, Span<long> reclaim)
    {
        HostArguments.Check(host, vms, reclaim, nameof(reclaim));
        reclaim[..vms.Count].Clear();
        var start = vms.Count == 0 ? 0 : _turn % vms.Count;
        var remaining = pagesNeeded;
        for (var step = 0; step < vms.Count && remaining > 0; step++)
        {
            var i = (start + step) % vms.Count;
            reclaim[i] = Math.Min(remaining, vms[i].ReclaimablePages);
            remaining -= reclaim[i];
            _turn = (i + 1) % vms.Count;
        }
    }
}
