namespace MemFw.Traces.Inspection;

/// <summary>One broken invariant found by <see cref="TraceValidator"/>: where it is and what was expected.</summary>
/// <param name="File">The file of the trace at fault (<c>metadata.json</c>, <c>accesses.parquet</c>, ...).</param>
/// <param name="Row">The 0-based row, or null for file-level problems.</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record Violation(string File, long? Row, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Row is { } row ? $"{File}: row {row}: {Message}" : $"{File}: {Message}";
}
