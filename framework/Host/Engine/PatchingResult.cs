namespace MemFw.Framework.Host.Engine;

/// <summary>
/// Difference Engine's sub-page patching at the end of a host run: pages held as patches against similar pages, the
/// host memory they take and save, and the host CPU spent finding and encoding them. Event counts and CPU cover the
/// trace's accesses (not a snapshot start's load).
/// </summary>
public sealed record PatchingResult
{
    /// <summary>Whether patching was on.</summary>
    public bool Enabled { get; init; }

    /// <summary>Pages stored as patches at the end.</summary>
    public long PatchedPages { get; init; }

    /// <summary>The bytes of those patches.</summary>
    public long PatchBytes { get; init; }

    /// <summary>
    /// Host frames saved at the end: the patched pages' frames less the frames their patches fill, packed densely.
    /// </summary>
    public long FramesSaved { get; init; }

    /// <summary>Pages stored as patches during the run.</summary>
    public long PatchesMade { get; init; }

    /// <summary>Accesses that found their page patched and rebuilt it.</summary>
    public long PatchFaults { get; init; }

    /// <summary>
    /// Host CPU of patching, µs: every page indexed for similarity at each point, and every patch encoded.
    /// </summary>
    public double CpuMicroseconds { get; init; }

    /// <summary>
    /// Times a page that live patches were made against left memory whole or was written. Difference Engine keeps such
    /// a reference page so that its patches can be rebuilt (a frame each): <see cref="FramesSaved"/> does not count
    /// those frames, so it overstates the saving by at most this many [U].
    /// </summary>
    public long ReferencesLost { get; init; }
}
