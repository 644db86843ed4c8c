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
/// <see cref="OnHit"/> or <see cref="OnInsert"/>, so one field is the whole state. This plugin is an example of a
/// third-party policy: it lives outside MemFw's own plugins and is loaded at run time (see README.md beside it).
/// </remarks>
[ReplacementPolicy("mru", Description = "Most recently used: evicts the page accessed last (good for loops)",
    Source = "Chou and DeWitt, VLDB 1985")]
public sealed class MruPolicy : IReplacementPolicy
{
    private int _last;

    /// <summary>Creates the policy for one replay.</summary>
    public MruPolicy(ReplacementContext context) => ArgumentNullException.ThrowIfNull(context);

    /// <inheritdoc/>
    public void OnHit(int frame, bool write) => _last = frame;

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write) => _last = frame;

    /// <inheritdoc/>
    public int SelectVictim(int page) => _last;

    /// <inheritdoc/>
    public void OnTick()
    {
    }
}
