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
/// </remarks>
public sealed class PatchPlanner
{
    private readonly PatchOptions _options;

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
        var encoder = new DeltaEncoder();
        var best = new byte[_options.CutoffBytes];
        var scratch = new byte[_options.CutoffBytes];
        var candidates = new List<int>();
        var patched = new List<PatchedFrame>();
        for (var target = 0; target < frames.Count; target++)
        {
            if (frames[target].Pages != 1 || roles[target] != Role.Whole || !(isCold?.Invoke(target) ?? true))
            {
                continue;
            }

            var content = frames[target].Content.Span;
            index.Candidates(content, target, candidates);
            var (reference, length) = (-1, _options.CutoffBytes + 1);
            foreach (var candidate in candidates)
            {
                if (roles[candidate] == Role.Patched)
                {
                    continue;
                }

                var size = encoder.Encode(frames[candidate].Content.Span, content, scratch.AsSpan(0, length - 1));
                if (size >= 0)
                {
                    (reference, length) = (candidate, size);
                    (best, scratch) = (scratch, best);
                }
            }

            if (reference >= 0)
            {
                roles[target] = Role.Patched;
                roles[reference] = Role.Reference;
                patched.Add(new PatchedFrame(target, reference, best.AsSpan(0, length).ToArray()));
            }
        }

        return patched;
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
