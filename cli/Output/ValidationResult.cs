using MemFw.Traces.Inspection;

namespace MemFw.Cli.Output;

/// <summary>The JSON shape of <c>memfw trace validate --json</c>.</summary>
/// <param name="Valid">Whether the trace keeps every promise of the format.</param>
/// <param name="AccessRows">Access rows checked.</param>
/// <param name="PageRows">Page rows checked.</param>
/// <param name="ViolationCount">Violations found in all.</param>
/// <param name="Violations">The first violations found.</param>
internal sealed record ValidationResult(bool Valid, long AccessRows, long PageRows, long ViolationCount,
    IReadOnlyList<Violation> Violations);
