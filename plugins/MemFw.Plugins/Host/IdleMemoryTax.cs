using MemFw.Framework.Host;

namespace MemFw.Plugins.Host;

/// <summary>
/// ESX's idle memory tax: min-funding revocation on the adjusted shares-per-page ratio (Waldspurger, "Memory Resource
/// Management in VMware ESX Server", OSDI 2002, sections 5.1 and 5.2); shared by the <c>idle-tax</c> victim selector
/// and the <c>esx</c> balloon strategy.
/// </summary>
/// <remarks>
/// A client with S shares holding P pages, a fraction f of them active, has the adjusted shares-per-page ratio
/// rho = S / (P (f + k (1 - f))) with k = 1 / (1 - tau): an idle page costs k times an active one (4 at the default
/// tau = 0.75). Memory is revoked one page at a time from the client with the lowest rho; P falls with each page
/// taken while its active pages A = f P stay, so f = min(1, A / P) rises, idle pages go first, and rho climbs.
/// </remarks>
internal static class IdleMemoryTax
{
    /// <summary>The adjusted shares-per-page ratio rho of a client holding <paramref name="pages"/> pages.</summary>
    /// <param name="shares">The client's shares S.</param>
    /// <param name="pages">The pages P it holds, at least 1.</param>
    /// <param name="activePages">Its active pages; f = activePages / P clamped to 0..1.</param>
    /// <param name="taxRate">The tax rate tau, 0 &lt;= tau &lt; 1.</param>
    /// <remarks>
    /// Computed as S / (A + k (P - A)) with A = f P, the same value as S / (P (f + k (1 - f))); this form is exact for
    /// a whole k (k = 4 at tau = 0.75) and never falls as P falls, which <see cref="GreedyReclaim"/> relies on.
    /// </remarks>
    public static double Rho(long shares, long pages, long activePages, double taxRate)
    {
        var active = Math.Clamp(activePages, 0, pages);
        var k = 1 / (1 - taxRate);
        return shares / (active + (k * (pages - active)));
    }

    /// <summary>
    /// Revokes <paramref name="pages"/> pages by min-funding revocation: sets <paramref name="revoked"/>[i] to the
    /// pages taken from VM i, which holds <paramref name="holding"/>[i] pages and never goes below its guarantee.
    /// </summary>
    /// <param name="vms">The VMs: their shares, active pages and guarantees.</param>
    /// <param name="holding">The pages P each VM holds before revocation.</param>
    /// <param name="pages">Pages to revoke; fewer are taken when the VMs reach their guarantees.</param>
    /// <param name="taxRate">The tax rate tau, 0 &lt;= tau &lt; 1.</param>
    /// <param name="revoked">Receives the pages taken from each VM.</param>
    public static void Revoke(IReadOnlyList<VmView> vms, long[] holding, long pages, double taxRate,
        Span<long> revoked)
    {
        var limits = new long[vms.Count];
        for (var i = 0; i < limits.Length; i++)
        {
            limits[i] = Math.Max(0, holding[i] - vms[i].GuaranteePages);
        }

        GreedyReclaim.Take(limits, pages, (i, j) =>
            GreedyReclaim.Ascending(Rho(vms[i].Shares, holding[i] - j, vms[i].ActivePages, taxRate)), revoked);
    }
}
