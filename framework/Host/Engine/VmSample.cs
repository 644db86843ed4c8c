namespace MemFw.Framework.Host.Engine;

/// <summary>One VM's sizes at a rebalancing point, in 4 KiB pages, named as esxtop names them.</summary>
/// <param name="Granted">Machine frames backing the VM (GRANT).</param>
/// <param name="Active">The working-set estimate (ACTV).</param>
/// <param name="Ballooned">The balloon's size (MCTLSZ).</param>
/// <param name="Swapped">Pages in the VMM's backing store (SWCUR).</param>
/// <param name="GuestSwapped">Pages the guest swapped out itself.</param>
public readonly record struct VmSample(long Granted, long Active, long Ballooned, long Swapped, long GuestSwapped);
