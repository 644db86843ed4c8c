using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Replacement;

/// <summary>Random: evicts a frame drawn uniformly from the occupied frames, from the replay's seed.</summary>
/// <remarks>
/// Belady, "A study of replacement algorithms for a virtual-storage computer", IBM Systems Journal 5(2), 1966
/// (algorithm RAND). The draws come from <see cref="Random"/> seeded with <see cref="ReplacementContext.Seed"/>, so a
/// seed gives the same replay every time. ESX picks its host-swap victims at random too. The occupied frames are kept
/// in a dense array with each frame's position in it, so a removal takes O(1) (the last entry fills the hole) and the
/// draw stays uniform over what is resident; while nothing has been removed the array is 0..N-1 in order, so the draws
/// pick the same frames as drawing from all frames.
/// </remarks>
[ReplacementPolicy("random", Description = "Random: evicts a uniformly drawn frame (seeded)",
    Source = "Belady, IBM Systems Journal 5(2) 1966, algorithm RAND")]
public sealed class RandomPolicy : IReplacementPolicy
{
    private const int Absent = -1;

    private readonly Random _random;

    /// <summary>The occupied frames, in <c>_occupied[0 .. _count)</c>.</summary>
    private readonly int[] _occupied;

    /// <summary>Each frame's index in <see cref="_occupied"/>, or <see cref="Absent"/> while empty.</summary>
    private readonly int[] _position;

    private int _count;

    /// <summary>Creates the policy for one replay.</summary>
    public RandomPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _random = new Random(context.Seed);
        _occupied = new int[context.FrameCount];
        _position = new int[context.FrameCount];
        Array.Fill(_position, Absent);
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
        if (_position[frame] == Absent)
        {
            _position[frame] = _count;
            _occupied[_count++] = frame;
        }
    }

    /// <inheritdoc/>
    public int SelectVictim(int page) => _occupied[_random.Next(_count)];

    /// <inheritdoc/>
    public void OnRemove(int frame)
    {
        var at = _position[frame];
        var last = _occupied[--_count];
        _occupied[at] = last;
        _position[last] = at;
        _position[frame] = Absent;
    }

    /// <inheritdoc/>
    public void OnTick()
    {
    }
}
