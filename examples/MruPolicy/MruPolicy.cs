using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Examples.Mru;

/// <summary>
/// Most recently used: evicts the page accessed last. Useless for most workloads, and the best online choice for a
/// loop over more pages than fit, where LRU evicts exactly the page needed next.
/// </summary>
/// <remarks>
/// Chou and DeWitt, "An Evaluation of Buffer Management Strategies for Relational Database Systems", VLDB 1985,
/// which uses MRU for looping sequential references. The most recent access is the previous call of
/// <see cref="OnHit"/> or <see cref="OnInsert"/>; the frames are kept in a stack of recency (two arrays of links), so
/// that when the VMM removes the most recent page (<see cref="OnRemove"/>) the victim becomes the most recent page
/// still resident, the one below it. This plugin is an example of a third-party policy: it lives outside MemFw's own
/// plugins and is loaded at run time (see README.md beside it).
/// </remarks>
[ReplacementPolicy("mru", Description = "Most recently used: evicts the page accessed last (good for loops)",
    Source = "Chou and DeWitt, VLDB 1985")]
public sealed class MruPolicy : IReplacementPolicy
{
    private const int None = -1;

    /// <summary>Each frame's neighbour below it in the stack (less recent), or <see cref="None"/>.</summary>
    private readonly int[] _below;

    /// <summary>
    /// Each frame's neighbour above it in the stack (more recent), or <see cref="None"/> for the top and for frames
    /// out of the stack.
    /// </summary>
    private readonly int[] _above;

    /// <summary>The most recently used resident frame, or <see cref="None"/> while none is resident.</summary>
    private int _top = None;

    /// <summary>Creates the policy for one replay.</summary>
    public MruPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _below = new int[context.FrameCount];
        _above = new int[context.FrameCount];
        Array.Fill(_above, None);
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write) => Push(frame);

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write) => Push(frame);

    /// <inheritdoc/>
    public int SelectVictim(int page) => _top;

    /// <inheritdoc/>
    public void OnRemove(int frame) => Unlink(frame);

    /// <inheritdoc/>
    public void OnTick()
    {
    }

    /// <summary>Puts <paramref name="frame"/> on top of the stack, taking it from where it was.</summary>
    private void Push(int frame)
    {
        if (frame == _top)
        {
            return;
        }

        if (_above[frame] != None)
        {
            // Resident, below the top.
            Unlink(frame);
        }

        _below[frame] = _top;
        _above[frame] = None;
        if (_top != None)
        {
            _above[_top] = frame;
        }

        _top = frame;
    }

    /// <summary>Takes <paramref name="frame"/> out of the stack.</summary>
    private void Unlink(int frame)
    {
        var below = _below[frame];
        var above = _above[frame];
        if (below != None)
        {
            _above[below] = above;
        }

        if (above != None)
        {
            _below[above] = below;
        }
        else
        {
            _top = below;
        }

        _above[frame] = None;
    }
}
