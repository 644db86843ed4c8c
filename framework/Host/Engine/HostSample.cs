namespace MemFw.Framework.Host.Engine;

/// <summary>The host at one rebalancing point of a run: the time series of free memory and pressure.</summary>
/// <param name="Time">Accesses of all VMs replayed so far.</param>
/// <param name="FreeFrames">Free machine frames after the rebalancing.</param>
/// <param name="State">The pressure state the rebalancing acted in.</param>
/// <param name="Vms">Each VM's sizes after the rebalancing, in scenario order.</param>
public sealed record HostSample(long Time, long FreeFrames, PressureState State, IReadOnlyList<VmSample> Vms);
