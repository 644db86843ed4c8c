using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Tests.ThrowingPolicy;

/// <summary>A policy that fails when asked for a victim, as a buggy third-party plugin would.</summary>
[ReplacementPolicy("throwing", Description = "Throws when asked for a victim (test fixture)", Source = "MemFw tests")]
public sealed class ThrowingPolicy : IReplacementPolicy
{
    /// <summary>Creates the policy.</summary>
    public ThrowingPolicy(ReplacementContext context) => ArgumentNullException.ThrowIfNull(context);

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public int SelectVictim(int page) => throw new InvalidOperationException("this policy always fails");

    /// <inheritdoc/>
    public void OnRemove(int frame)
    {
    }

    /// <inheritdoc/>
    public void OnTick()
    {
    }
}
