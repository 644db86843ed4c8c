using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.VictimSelection;

/// <summary>
/// ESX's idle memory tax: takes each page from the VM with the lowest adjusted shares-per-page ratio
/// rho = S / (P (f + k (1 - f))), k = 1 / (1 - tau).
/// </summary>
/// <remarks>
/// Waldspurger, "Memory Resource Management in VMware ESX Server", OSDI 2002, sections 5.2 (the tax, min-funding
/// revocation on rho) and 5.3 (f from the working-set estimate). Here S = <see cref="VmView.Shares"/>,
/// P = <see cref="VmView.GrantedPages"/>, f = <see cref="VmView.ActivePages"/> / P clamped to 0..1, and tau is
/// <see cref="IdleTaxOptions.TaxRate"/>; tau = 0 is pure proportional share. P falls with each page taken, so rho
/// rises; the result equals the page-by-page greedy, ties to the lowest VM id, computed by a level search on rho
/// (<see cref="IdleMemoryTax"/>, <see cref="GreedyReclaim"/>). No VM goes below its guarantee (the paper's min).
/// </remarks>
[VictimSelector("idle-tax", Description = "ESX idle memory tax: takes from the lowest adjusted shares per page",
    Source = "Waldspurger, Memory Resource Management in VMware ESX Server, OSDI 2002, sections 5.2-5.3")]
public sealed class IdleTaxSelector : IVictimSelector
{
    private readonly double _taxRate;

    /// <summary>Creates the selector.</summary>
    public IdleTaxSelector(IdleTaxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _taxRate = options.TaxRate;
    }

    /// <inheritdoc/>
    public void Apportion(HostView host, IReadOnlyList<VmView> vms, long pagesNeeded, Span<long> reclaim)
    {
        HostArguments.Check(host, vms, reclaim, nameof(reclaim));
        var granted = new long[vms.Count];
        for (var i = 0; i < granted.Length; i++)
        {
            granted[i] = vms[i].GrantedPages;
        }

        IdleMemoryTax.Revoke(vms, granted, pagesNeeded, _taxRate, reclaim);
    }
}
