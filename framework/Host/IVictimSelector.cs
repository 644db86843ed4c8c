namespace MemFw.Framework.Host;

/// <summary>
/// Decides which VMs give up memory when the host must reclaim: the policies of ESX's reallocation (Waldspurger,
/// OSDI 2002) and the simple rules to compare them with.
/// </summary>
/// <remarks>Called at rebalancing points, never per access; implementations may allocate.</remarks>
public interface IVictimSelector
{
    /// <summary>
    /// Splits <paramref name="pagesNeeded"/> pages of reclamation among <paramref name="vms"/>: sets
    /// <paramref name="reclaim"/>[i] to the pages to take from VM i, at most its <see cref="VmView.ReclaimablePages"/>.
    /// The total may be less than asked when the VMs cannot give more.
    /// </summary>
    void Apportion(HostView host, IReadOnlyList<VmView> vms, long pagesNeeded, Span<long> reclaim);
}
