using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Tests.ClashingPolicy;

/// <summary>A policy registered as <c>lru</c>, the name of a built-in: loading it must fail with a clear error.</summary>
[ReplacementPolicy("lru", Description = "Takes a built-in's name (test fixture)", Source = "MemFw tests")]
public sealed class ClashingLruPolicy : IReplacementPolicy
{
    private readonly FrameTable _frames;

    /// <summary>Creates the policy.</summary>
    public ClashingLruPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _frames = context.Frames;
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
    /// <remarks>The lowest occupied frame: frames emptied by removals are passed over.</remarks>
    public int SelectVictim(int page)
    {
        var frame = 0;
        while (_frames.PageOf(frame) == FrameTable.NoPage)
        {
            frame++;
        }

        return frame;
    }

    /// <inheritdoc/>
    public void OnRemove(int frame)
    {
    }

    /// <inheritdoc/>
    public void OnTick()
    {
    }
}
