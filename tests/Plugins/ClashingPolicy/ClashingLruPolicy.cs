using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Tests.ClashingPolicy;

/// <summary>A policy registered as <c>lru</c>, the name of a built-in: loading it must fail with a clear error.</summary>
[ReplacementPolicy("lru", Description = "Takes a built-in's name (test fixture)", Source = "MemFw tests")]
public sealed class ClashingLruPolicy : IReplacementPolicy
{
    /// <summary>Creates the policy.</summary>
    public ClashingLruPolicy(ReplacementContext context) => ArgumentNullException.ThrowIfNull(context);

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public int SelectVictim(int page) => 0;

    /// <inheritdoc/>
    public void OnTick()
    {
    }
}
