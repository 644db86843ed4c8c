namespace MemFw.Framework.Host;

/// <summary>
/// How short of free memory the host is. The four states are ESX's (Waldspurger, OSDI 2002, section 6; free
/// thresholds 6/4/2/1% by default); the green/yellow/red zone preset maps onto High, Soft and Hard.
/// </summary>
public enum PressureState
{
    /// <summary>Enough free memory: no reclamation (ESX high; zone green).</summary>
    High,

    /// <summary>Reclaim gently: ballooning, swapping only where a balloon is impossible (ESX soft; zone yellow).</summary>
    Soft,

    /// <summary>Reclaim by VMM swapping (ESX hard; zone red).</summary>
    Hard,

    /// <summary>Swap, and block VMs above their target until memory is freed (ESX low).</summary>
    Low,
}
