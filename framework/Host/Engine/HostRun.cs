using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Replacement;

namespace MemFw.Framework.Host.Engine;

/// <summary>Runs a scenario on the multi-VM host engine: <c>memfw run</c>'s entry point.</summary>
public static class HostRun
{
    /// <summary>
    /// Replays <paramref name="form"/> (built from the scenario's VMs, in order) on the scenario's host with
    /// <paramref name="policies"/>, bound from the scenario's policy specs.
    /// </summary>
    /// <exception cref="ArgumentException">A policy cannot run on a host (it needs the trace's future).</exception>
    public static HostRunResult Run(Scenario scenario, HostPolicies policies, HostForm form,
        IProgress<double>? progress = null) =>
        Run(scenario, policies, form, checkInvariants: false, eagerGuest: false, progress);

    /// <summary>Builds the host form of <paramref name="scenario"/>'s VMs.</summary>
    /// <exception cref="Traces.Format.TraceInputException">A trace is missing or malformed.</exception>
    public static HostForm BuildForm(Scenario scenario, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return HostForm.Build([.. scenario.Vms.Select(v => new HostFormSource(v.TracePath, v.TraceVmId))],
            scenario.Host.Start == HostStart.Snapshot, progress);
    }

    /// <summary>
    /// As <see cref="Run(Scenario, HostPolicies, HostForm, IProgress{double})"/>, for tests: checking every invariant
    /// at each rebalancing point, and running guest pools from the start rather than when they first matter.
    /// </summary>
    internal static HostRunResult Run(Scenario scenario, HostPolicies policies, HostForm form, bool checkInvariants,
        bool eagerGuest, IProgress<double>? progress)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(form);
        if (form.VmAccesses.Count != scenario.Vms.Count)
        {
            throw new ArgumentException(
                $"expected a host form of {scenario.Vms.Count} VMs, found {form.VmAccesses.Count}", nameof(form));
        }

        var host = scenario.Host;
        List<KeyValuePair<string, string>> names =
        [
            new("swap-policy", host.SwapPolicy.Label),
            new("guest-policy", host.GuestPolicy.Label),
            new("victim-selector", host.VictimSelector.Label),
            new("balloon", policies.Balloon is null ? "none" : host.Balloon?.Label ?? "none"),
            new("working-set", host.WorkingSet.Label),
            new("backing-store", host.BackingStoreLabel),
            new("sharing", host.Sharing.Scanner?.Label ?? "none"),
            new("zero-pages", host.Sharing.ZeroPages ? "on" : "off"),
            new("patching", host.Patching ? "on" : "off"),
            new("codec", host.Codec.Label),
        ];
        return policies.SwapPolicy.Accept(
            new VmmVisitor(new RunRequest(scenario, policies, form, checkInvariants, eagerGuest, progress, names)));
    }

    private sealed record RunRequest(Scenario Scenario, HostPolicies Policies, HostForm Form, bool CheckInvariants,
        bool EagerGuest,
        IProgress<double>? Progress, IReadOnlyList<KeyValuePair<string, string>> Names);

    private sealed class VmmVisitor(RunRequest run) : IReplacementVisitor<HostRunResult>
    {
        public HostRunResult Visit<TVmm>(string name, bool offline, Func<ReplacementContext, TVmm> create)
            where TVmm : struct, IReplacementPolicy
        {
            RefuseOffline(name, offline, "swap-policy");
            return run.Policies.GuestPolicy.Accept(new GuestVisitor<TVmm>(run, name, create));
        }
    }

    private sealed class GuestVisitor<TVmm>(RunRequest run, string vmmName, Func<ReplacementContext, TVmm> vmm)
        : IReplacementVisitor<HostRunResult>
        where TVmm : struct, IReplacementPolicy
    {
        public HostRunResult Visit<TGuest>(string name, bool offline, Func<ReplacementContext, TGuest> create)
            where TGuest : struct, IReplacementPolicy
        {
            RefuseOffline(name, offline, "guest-policy");
            var engine = new HostEngine<TGuest, TVmm>(run.Scenario, run.Form, run.Policies, name, create, vmmName, vmm,
                run.EagerGuest)
            {
                CheckInvariants = run.CheckInvariants,
            };
            return engine.Run(run.Names, run.Progress);
        }
    }

    private static void RefuseOffline(string name, bool offline, string role)
    {
        if (offline)
        {
            throw new ArgumentException($"{role} '{name}' needs the trace's future (an offline bound), which a host "
                + "run cannot give it, as its VMs' accesses depend on the host's decisions; use it with memfw replay");
        }
    }
}
