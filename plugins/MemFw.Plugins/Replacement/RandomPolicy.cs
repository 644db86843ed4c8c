using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Replacement;

/// <summary>Random: evicts a frame drawn uniformly from all frames, from the replay's seed.</summary>
/// <remarks>
/// Belady, "A study of replacement algorithms for a virtual-storage computer", IBM Systems Journal 5(2), 1966
/// (algorithm RAND). The draws come from <see cref="Random"/> seeded with <see cref="ReplacementContext.Seed"/>, so a
/// seed gives the same replay every time. ESX picks its host-swap victims at random too.
/// </remarks>
[ReplacementPolicy("random", Description = "Random: evicts a uniformly drawn frame (seeded)",
    Source = "Belady, IBM Systems Journal 5(2) 1966, algorithm RAND")]
public sealed class RandomPolicy : IReplacementPolicy
{
    private readonly Random _random;
    private readonly int _frameCount;

    /// <summary>Creates the policy for one replay.</summary>
    public RandomPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _random = new Random(context.Seed);
        _frameCount = context.FrameCount;
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public int SelectVictim(int page) => _random.Next(_frameCount);

    /// <inheritdoc/>
    public void OnTick()
    {
    }
}
