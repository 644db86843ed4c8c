using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;

namespace MemFw.Plugins.Tests.Replacement;

/// <summary>Runs a policy over a reference string through the engine, as a replay command would.</summary>
internal static class Replays
{
    /// <summary>Replays <paramref name="reference"/> (as <see cref="Reference.Parse"/> reads it).</summary>
    public static ReplayCounters Run<TPolicy>(Func<ReplacementContext, TPolicy> create, string reference, int frames,
        long tickPeriod = ReplaySettings.DefaultTickPeriod, int seed = 42)
        where TPolicy : IReplacementPolicy
    {
        var (pages, writes) = Reference.Parse(reference);
        return Run(PolicyCatalog.Of(create), pages, writes, frames, tickPeriod, seed);
    }

    public static ReplayCounters Run(PolicyEntry policy, int[] pages, bool[] writes, int frames,
        long tickPeriod = ReplaySettings.DefaultTickPeriod, int seed = 42)
    {
        using var form = ReplayForm.FromPages(pages, writes);
        return Run(policy, form, new ReplaySettings { Frames = frames, TickPeriod = tickPeriod, Seed = seed });
    }

    public static ReplayCounters Run(PolicyEntry policy, ReplayForm form, ReplaySettings settings)
    {
        using var session = ReplaySession.Start(policy.Name, form, settings, policy.Offline);
        var dispatch = new InterfaceDispatch(policy.Create(session.Context));
        return session.Replay(ref dispatch).Counters;
    }
}
