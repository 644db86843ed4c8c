namespace MemFw.Framework.Host;

/// <summary>What a host policy (victim selector, balloon strategy, working-set estimator) is created with.</summary>
/// <param name="Seed">The seed of its random choices, derived from the run's seed, its name and (per-VM plugins) the VM.</param>
/// <param name="RebalancePeriod">Accesses between two rebalancing points of the host.</param>
public sealed record HostPluginContext(int Seed, long RebalancePeriod);
