namespace MemFw.Traces.Import;

/// <summary>What an import wrote.</summary>
/// <param name="Accesses">Access rows written.</param>
/// <param name="Pages">Page-contents rows written.</param>
/// <param name="Vms">VMs in the trace.</param>
public readonly record struct ImportResult(long Accesses, long Pages, int Vms);
