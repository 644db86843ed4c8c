namespace MemFw.Framework.Content.Backing;

/// <summary>A page in a backing store: its VM's index in the scenario and the page's dense id within the VM.</summary>
/// <param name="Vm">The VM's index.</param>
/// <param name="Page">The VM-local dense page id.</param>
public readonly record struct SwapKey(int Vm, int Page);
