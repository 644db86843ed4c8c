using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.Balloon;

/// <summary>
/// ESX: each VM gets an allocation target from its shares and working set under the idle memory tax, the targets
/// fitting host memory; a VM holding more than its target is ballooned by the difference.
/// </summary>
/// <remarks>
/// <para>
/// Waldspurger, "Memory Resource Management in VMware ESX Server", OSDI 2002: section 3 (ballooning drives a VM's
/// memory down to a target), sections 5.1-5.3 (targets by min-funding revocation on the adjusted shares-per-page
/// ratio with the idle memory tax, shared with the <c>idle-tax</c> selector through <see cref="IdleMemoryTax"/>) and
/// section 6.3 (free-memory states: in the high state nothing is reclaimed, so every balloon deflates to 0).
/// </para>
/// <para>
/// Choices where the paper is silent: (1) revocation starts from each VM's largest allocation, min(memory, limit),
/// since the paper runs a VM at its maximum unless memory is overcommitted; it revokes, page by page from the lowest
/// rho, down to the guarantee at most, until the targets fit the host frames minus the hypervisor's and minus
/// <see cref="EsxBalloonOptions.FreeReserve"/> of the host (the paper computes targets "to drive free memory above
/// the high threshold"). (2) The balloon target is the balloon now plus granted - target: granted frames exclude
/// ballooned pages, so a target of granted - target alone would deflate the balloon as soon as it had worked; this
/// form holds a balloon once the VM is at its target and lets it shrink when the VM holds less than its target.
/// (3) In the soft, hard and low states alike targets are set: the paper swaps in the hard and low states to reach
/// the same targets, which is the engine's part, and keeps ballooning alongside. (4) A VM without a balloon driver
/// still takes part in the targets (it is reclaimed by swapping) and gets balloon target 0.
/// </para>
/// </remarks>
[BalloonStrategy("esx", Description = "ESX: targets from shares and working set (idle tax); balloon the excess",
    Source = "Waldspurger, Memory Resource Management in VMware ESX Server, OSDI 2002, sections 3, 5 and 6")]
public sealed class EsxBalloonStrategy : IBalloonStrategy
{
    private readonly EsxBalloonOptions _options;

    /// <summary>Creates the strategy.</summary>
    public EsxBalloonStrategy(EsxBalloonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc/>
    public void SetTargets(HostView host, IReadOnlyList<VmView> vms, Span<long> targets)
    {
        HostArguments.Check(host, vms, targets, nameof(targets));
        targets[..vms.Count].Clear();
        if (host.State == PressureState.High)
        {
            return;
        }

        var largest = new long[vms.Count];
        var demand = 0L;
        for (var i = 0; i < vms.Count; i++)
        {
            largest[i] = Math.Min(vms[i].MemoryPages, vms[i].LimitPages);
            demand += largest[i];
        }

        var available = host.TotalFrames - host.HypervisorFrames
            - (long)Math.Ceiling(_options.FreeReserve * host.TotalFrames);
        var revoked = new long[vms.Count];
        IdleMemoryTax.Revoke(vms, largest, demand - available, _options.TaxRate, revoked);
        for (var i = 0; i < vms.Count; i++)
        {
            var allocation = largest[i] - revoked[i];
            targets[i] = BalloonBounds.Of(vms[i], vms[i].BalloonPages + vms[i].GrantedPages - allocation);
        }
    }
}
