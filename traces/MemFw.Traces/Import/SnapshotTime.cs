using System.Globalization;

namespace MemFw.Traces.Import;

/// <summary>When a RAM snapshot was taken: a time in the trace's unit, or the start or end of the VM's accesses.</summary>
/// <remarks>
/// A snapshot at time T shows memory after every access before T and before any access at or after T, so
/// <c>start</c> is the VM's first access time and <c>end</c> is one past its last.
/// </remarks>
public readonly record struct SnapshotTime(SnapshotAnchor Anchor, long Value)
{
    /// <summary>Parses <c>start</c>, <c>end</c> or an integer.</summary>
    /// <exception cref="ArgumentException">The text is none of these.</exception>
    public static SnapshotTime Parse(string text, string context) => text switch
    {
        "start" => new SnapshotTime(SnapshotAnchor.Start, 0),
        "end" => new SnapshotTime(SnapshotAnchor.End, 0),
        _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) && t >= 0 =>
            new SnapshotTime(SnapshotAnchor.Absolute, t),
        _ => throw new ArgumentException(
            $"'{context}': expected a snapshot time 'start', 'end' or a non-negative integer, found '{text}'",
            nameof(text)),
    };
}
