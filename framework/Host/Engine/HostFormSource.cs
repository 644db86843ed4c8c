namespace MemFw.Framework.Host.Engine;

/// <summary>One VM's accesses for a <see cref="HostForm"/>: a VM of a trace.</summary>
/// <param name="TracePath">The trace folder.</param>
/// <param name="TraceVmId">The VM's id in the trace (its <c>vm</c> column).</param>
public sealed record HostFormSource(string TracePath, int TraceVmId);
