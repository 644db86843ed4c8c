namespace MemFw.Framework.Host.Engine;

/// <summary>Where a host-wide dense page id belongs: its VM and the VM's own dense id of the page.</summary>
/// <param name="Vm">The VM's index in the scenario.</param>
/// <param name="Local">The page's dense id among the VM's pages.</param>
internal readonly record struct HostPage(int Vm, int Local);
