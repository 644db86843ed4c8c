namespace MemFw.Generators.Model;

/// <summary>A diagnostic to report, as plain values: the descriptor's id, where, and the message arguments.</summary>
/// <param name="Id">The id of a descriptor in <see cref="Diagnostics"/>, e.g. <c>MEMFW001</c>.</param>
/// <param name="Location">Where to report it; null for no source location.</param>
/// <param name="Arguments">The message format arguments, as text.</param>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);
