namespace MemFw.Framework.Replacement;

/// <summary>What a replacement policy is given when it is created for one replay.</summary>
public sealed class ReplacementContext
{
    /// <summary>Creates the context of one replay.</summary>
    /// <param name="frames">The frame table the engine owns.</param>
    /// <param name="pageCount">Distinct pages in the replay: dense page ids are 0..pageCount-1.</param>
    /// <param name="tickPeriod">Accesses between ticks.</param>
    /// <param name="seed">The seed of this policy's random choices (derived from the run's seed and its name).</param>
    /// <param name="nextUse">For offline policies, the next-use positions of the accesses; otherwise null.</param>
    public ReplacementContext(FrameTable frames, int pageCount, long tickPeriod, int seed, NextUseReader? nextUse)
    {
        Frames = frames;
        PageCount = pageCount;
        TickPeriod = tickPeriod;
        Seed = seed;
        NextUse = nextUse;
    }

    /// <summary>The frames, their pages and their Accessed/Dirty bits.</summary>
    public FrameTable Frames { get; }

    /// <summary>The number of frames.</summary>
    public int FrameCount => Frames.Count;

    /// <summary>The number of distinct pages in the replay; dense page ids lie below it.</summary>
    public int PageCount { get; }

    /// <summary>Accesses between two ticks (<see cref="IReplacementPolicy.OnTick"/>).</summary>
    public long TickPeriod { get; }

    /// <summary>The seed for the policy's random choices; the same seed gives the same replay.</summary>
    public int Seed { get; }

    /// <summary>
    /// For policies declared <c>Offline</c>: yields, access by access in replay order, the position of the next access
    /// to the same page (<see cref="NextUseReader.Never"/> if none). The policy reads one value per
    /// <see cref="IReplacementPolicy.OnHit"/> or <see cref="IReplacementPolicy.OnInsert"/>.
    /// </summary>
    public NextUseReader? NextUse { get; }
}
