namespace MemFw.Framework.Replacement;

/// <summary>
/// Reaches a policy through its interface, one virtual call per primitive: the dispatch a framework without the
/// generator would have. Kept as the baseline the generated dispatch is benchmarked against, and for hosting a policy
/// object whose type is not known at compile time.
/// </summary>
/// <param name="policy">The policy to call.</param>
public readonly struct InterfaceDispatch(IReplacementPolicy policy) : IReplacementPolicy
{
    /// <inheritdoc/>
    public void OnHit(int frame, bool write) => policy.OnHit(frame, write);

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write) => policy.OnInsert(frame, write);

    /// <inheritdoc/>
    public int SelectVictim(int page) => policy.SelectVictim(page);

    /// <inheritdoc/>
    public void OnRemove(int frame) => policy.OnRemove(frame);

    /// <inheritdoc/>
    public void OnTick() => policy.OnTick();
}
