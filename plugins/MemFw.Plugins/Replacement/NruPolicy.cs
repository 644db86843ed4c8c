using System.Diagnostics;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// Not recently used: sorts the resident pages into four classes by their Accessed (A) and Dirty (D) bits,
/// class = 2·A + D, clears every A bit at each tick, and evicts a page drawn at random from the lowest non-empty
/// class.
/// </summary>
/// <remarks>
/// Tanenbaum and Bos, <i>Modern Operating Systems</i>, 4th ed., section 3.4.2. The book classifies the pages by
/// scanning them at each fault; the policy keeps the classes up to date as the bits change instead (the engine sets
/// them only on the accesses it reports, and only the tick clears them), which gives the same classes and a draw in
/// O(1). The draw is uniform within the class, from <see cref="Random"/> seeded with
/// <see cref="ReplacementContext.Seed"/>; a page's place within its class has no meaning. An empty frame (never
/// filled, or its page removed) is in no class, so it is never drawn.
/// </remarks>
[ReplacementPolicy("nru", Description = "Not recently used: random page of the lowest Accessed/Dirty class",
    Source = "Tanenbaum and Bos, Modern Operating Systems, 4th ed., section 3.4.2")]
public sealed class NruPolicy : IReplacementPolicy
{
    private const int ClassCount = 4;
    private const int NoClass = -1;

    private readonly FrameTable _frames;
    private readonly int _frameCount;
    private readonly Random _random;

    /// <summary>Each frame's class, or <see cref="NoClass"/> while free.</summary>
    private readonly int[] _classOf;

    /// <summary>Each frame's index within its class's members.</summary>
    private readonly int[] _slot;

    /// <summary>The members of class c in <c>_members[c·frames .. c·frames + _memberCount[c])</c>, unordered.</summary>
    private readonly int[] _members;

    private readonly int[] _memberCount = new int[ClassCount];

    /// <summary>Creates the policy for one replay.</summary>
    public NruPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _frames = context.Frames;
        _frameCount = context.FrameCount;
        _random = new Random(context.Seed);
        _classOf = new int[_frameCount];
        Array.Fill(_classOf, NoClass);
        _slot = new int[_frameCount];
        _members = new int[ClassCount * _frameCount];
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write) => Classify(frame);

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write) => Classify(frame);

    /// <inheritdoc/>
    public int SelectVictim(int page)
    {
        var c = 0;
        while (_memberCount[c] == 0)
        {
            c++;
        }

        var victim = _members[(c * _frameCount) + _random.Next(_memberCount[c])];
        Debug.Assert(ClassFromBits(victim) == c, "the classes lag behind the bits");
        return victim;
    }

    /// <inheritdoc/>
    /// <remarks>The frame leaves its class; ticks pass it until a page is loaded there.</remarks>
    public void OnRemove(int frame) => Unclassify(frame);

    /// <inheritdoc/>
    public void OnTick()
    {
        for (var frame = 0; frame < _frameCount; frame++)
        {
            if (_classOf[frame] != NoClass)
            {
                _frames.ClearAccessed(frame);
                Classify(frame);
            }
        }
    }

    private int ClassFromBits(int frame) => (_frames.IsAccessed(frame) ? 2 : 0) + (_frames.IsDirty(frame) ? 1 : 0);

    /// <summary>Moves <paramref name="frame"/> to the class its bits now give.</summary>
    private void Classify(int frame)
    {
        var to = ClassFromBits(frame);
        var from = _classOf[frame];
        if (to == from)
        {
            return;
        }

        if (from != NoClass)
        {
            Unclassify(frame);
        }

        var at = _memberCount[to]++;
        _members[(to * _frameCount) + at] = frame;
        _slot[frame] = at;
        _classOf[frame] = to;
    }

    /// <summary>Takes <paramref name="frame"/> out of its class; the class's last member fills the hole.</summary>
    private void Unclassify(int frame)
    {
        var from = _classOf[frame];
        var last = _members[(from * _frameCount) + --_memberCount[from]];
        _members[(from * _frameCount) + _slot[frame]] = last;
        _slot[last] = _slot[frame];
        _classOf[frame] = NoClass;
    }
}
