namespace MemFw.Framework.Content.Patching;

/// <summary>
/// Chooses which frames to store as patches against similar frames, and against which: Difference Engine's
/// sub-page sharing.
/// </summary>
/// <remarks>
/// <para>
/// Source: Gupta et al., "Difference Engine", OSDI 2008 (CACM 53(10), 2010, p. 90). For each frame, in input order,
/// the planner finds candidate references with a <see cref="SimilarityIndex"/> over every frame, encodes the frame
/// against each candidate with <see cref="DeltaEncoder"/> and keeps the smallest patch if it is at most
/// <see cref="PatchOptions.CutoffBytes"/> (2 KiB by default: the paper does not create a patch larger than half a
/// page). Ties go to the first candidate in the index's order.
/// </para>
/// <para>
/// Which frames are patched: only those one guest page maps (patching works on what full-page sharing leaves; a
/// shared frame is already one frame for several pages), and only cold ones: the paper patches pages of the
/// not-recently-used classes of its global clock [U]; the caller says which frames are cold, and all are by default.
/// A reference stays whole: a frame chosen as a reference is never patched later, and a patched frame is never a
/// reference, so restoring a page reads one whole frame and one patch, never a chain.
/// </para>
/// <para>
/// Frames given with a <see cref="FrameContent.Key"/> have their pair sizes remembered across plans; the plan is the
/// same as without keys (ties still go to the first candidate), only faster when the same pages are planned again.
/// </para>
/// </remarks>
public sealed class PatchPlanner
{
    private readonly PatchOptions _options;
    private readonly DeltaEncoder _encoder = new();

    /// <summary>
    /// The patch size of each (target, reference) pair of keyed contents already encoded, or -1 when over the cutoff.
    /// A pure function of the two contents, so later plans reuse it.
    /// </summary>
    private readonly Dictionary<(ulong Target, ulong Reference), int> _sizes = [];

    /// <summary>Creates a planner with <paramref name="options"/>.</summary>
    public PatchPlanner(PatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Plans the patches of <paramref name="frames"/>.</summary>
    /// <param name="frames">The distinct non-zero contents full-page sharing leaves, each a 4096-byte frame.</param>
    /// <param name="isCold">Whether frame i is cold enough to patch; <see langword="null"/>: every frame is.</param>
    /// <returns>The patched frames, in input order.</returns>
    /// <exception cref="ArgumentException">A frame is not 4096 bytes or maps no page.</exception>
    public IReadOnlyList<PatchedFrame> Plan(IReadOnlyList<FrameContent> frames, Func<int, bool>? isCold = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var index = new SimilarityIndex(_options.Similarity);
        for (var i = 0; i < frames.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(frames[i].Pages, 1, nameof(frames));
            index.Add(i, frames[i].Content.Span);
        }

        var roles = new Role[frames.Count];
        var patch = new byte[_options.CutoffBytes];
        var candidates = new List<int>();
        var patched = new List<PatchedFrame>();
        for (var target = 0; target < frames.Count; target++)
        {
            if (frames[target].Pages != 1 || roles[target] != Role.Whole || !(isCold?.Invoke(target) ?? true))
            {
                continue;
            }

            index.Candidates(frames[target].Content.Span, target, candidates);
            var (reference, length) = (-1, _options.CutoffBytes + 1);
            foreach (var candidate in candidates)
            {
                if (roles[candidate] != Role.Patched && PatchSize(frames[target], frames[candidate], patch) is var size
                    && size >= 0 && size < length)
                {
                    (reference, length) = (candidate, size);
                }
            }

            if (reference >= 0)
            {
                roles[target] = Role.Patched;
                roles[reference] = Role.Reference;
                var written = _encoder.Encode(frames[reference].Content.Span, frames[target].Content.Span, patch);
                patched.Add(new PatchedFrame(target, reference, patch.AsSpan(0, written).ToArray()));
            }
        }

        return patched;
    }

    /// <summary>
    /// The size of <paramref name="target"/>'s patch against <paramref name="reference"/>, or -1 when it is over the
    /// cutoff; remembered for keyed contents.
    /// </summary>
    private int PatchSize(FrameContent target, FrameContent reference, byte[] buffer)
    {
        if (target.Key is not { } targetKey || reference.Key is not { } referenceKey)
        {
            return _encoder.Encode(reference.Content.Span, target.Content.Span, buffer);
        }

        if (!_sizes.TryGetValue((targetKey, referenceKey), out var size))
        {
            size = _encoder.Encode(reference.Content.Span, target.Content.Span, buffer);
            _sizes.Add((targetKey, referenceKey), size);
        }

        return size;
    }

    /// <summary>What the plan has made of a frame so far.</summary>
    private enum Role : byte
    {
        /// <summary>Whole, and free to be patched or to serve as a reference.</summary>
        Whole,

        /// <summary>Whole, and a reference of some patch: never patched.</summary>
        Reference,

        /// <summary>Stored as a patch: never a reference.</summary>
        Patched,
    }
}
