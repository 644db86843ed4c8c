namespace MemFw.Framework.Content.Patching;

/// <summary>Options of <see cref="PatchPlanner"/>.</summary>
public sealed record PatchOptions
{
    /// <summary>
    /// The largest patch kept, in bytes: a page whose best patch is larger stays whole. Default 2048, half a page, as
    /// in Difference Engine's trace study (CACM 53(10), p. 90); range 1 to 4096.
    /// </summary>
    public int CutoffBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "cutoff");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Traces.Format.TraceFormat.PageSize, "cutoff");
            field = value;
        }
    } = 2048;

    /// <summary>How candidate references are found. Default: HashSimilarityDetector(2, 1), seed 42.</summary>
    public SimilarityOptions Similarity
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, "similarity");
            field = value;
        }
    } = new();
}
