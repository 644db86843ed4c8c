namespace MemFw.Framework.Replacement;

/// <summary>
/// Receives a replacement policy as its concrete dispatch type, so that an engine with more than one policy pool (the
/// multi-VM host: one guest and one VMM pool per VM) can be compiled once per policy type, like the single-VM loop.
/// </summary>
/// <typeparam name="TResult">What the visit returns.</typeparam>
public interface IReplacementVisitor<out TResult>
{
    /// <summary>Called once with the policy's dispatch type and a factory of bound instances.</summary>
    /// <param name="name">The policy's registered name.</param>
    /// <param name="offline">Whether the policy reads next uses (Belady's OPT).</param>
    /// <param name="create">Creates one instance of the policy, with its bound options, for a frame table.</param>
    TResult Visit<TPolicy>(string name, bool offline, Func<ReplacementContext, TPolicy> create)
        where TPolicy : struct, IReplacementPolicy;
}
