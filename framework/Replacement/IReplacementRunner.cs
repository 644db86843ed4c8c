using MemFw.Framework.Replay;

namespace MemFw.Framework.Replacement;

/// <summary>
/// A replacement policy bound to its options, ready to replay: the generated entry point that creates the policy and
/// enters the loop specialized for its type. One interface call per replay, none per access.
/// </summary>
public interface IReplacementRunner
{
    /// <summary>Replays <paramref name="form"/> with a fresh policy instance.</summary>
    ReplayResult Run(ReplayForm form, ReplaySettings settings);

    /// <summary>Hands the policy, as its dispatch type with a factory of bound instances, to <paramref name="visitor"/>.</summary>
    TResult Accept<TResult>(IReplacementVisitor<TResult> visitor);
}
