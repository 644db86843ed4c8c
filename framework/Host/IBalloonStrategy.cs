namespace MemFw.Framework.Host;

/// <summary>
/// Sets each VM's balloon target: how much memory the VMM asks each guest's balloon driver to pin and hand back
/// (ESX, KVM MOM, Xen self-ballooning, Citrix DMC each have their rule).
/// </summary>
/// <remarks>Called every rebalancing period, never per access. VMs without a balloon driver must get target 0.</remarks>
public interface IBalloonStrategy
{
    /// <summary>Sets <paramref name="targets"/>[i], the balloon size in pages asked of VM i (0 deflates it).</summary>
    void SetTargets(HostView host, IReadOnlyList<VmView> vms, Span<long> targets);
}
