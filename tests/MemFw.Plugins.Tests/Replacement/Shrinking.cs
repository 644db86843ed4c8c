using System.Globalization;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;

namespace MemFw.Plugins.Tests.Replacement;

/// <summary>
/// Accesses with the VMM's reclaims between them: <c>Reclaims[i]</c> frames are reclaimed before access i, and
/// <c>Reclaims[Pages.Length]</c> after the last.
/// </summary>
internal sealed record ShrinkPlan(int[] Pages, bool[] Writes, int[] Reclaims)
{
    /// <summary>Parses "1 2w -2 3": accesses as <see cref="Reference.Parse"/> reads them, "-k" to reclaim k.</summary>
    public static ShrinkPlan Parse(string script)
    {
        var accesses = new List<string>();
        var reclaims = new List<int> { 0 };
        foreach (var token in script.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith('-'))
            {
                reclaims[^1] += int.Parse(token[1..], CultureInfo.InvariantCulture);
            }
            else
            {
                accesses.Add(token);
                reclaims.Add(0);
            }
        }

        var (pages, writes) = Reference.Parse(string.Join(' ', accesses));
        return new ShrinkPlan(pages, writes, [.. reclaims]);
    }

    /// <summary>
    /// <see cref="Reference.Locality"/>'s string with a reclaim before one access in
    /// <paramref name="reclaimEvery"/> on average, of 1 to <paramref name="frames"/> frames (as many as are occupied
    /// when more are asked), so that memory shrinks by a little, by a lot or to nothing, and grows back by faults.
    /// </summary>
    public static ShrinkPlan Random(int seed, int length, int distinct, int frames, int reclaimEvery)
    {
        var (pages, writes) = Reference.Locality(seed, length, distinct);
        var random = new Random(seed);
        var reclaims = new int[length + 1];
        for (var i = 0; i < reclaims.Length; i++)
        {
            if (random.Next(reclaimEvery) == 0)
            {
                reclaims[i] = 1 + random.Next(frames);
            }
        }

        return new ShrinkPlan(pages, writes, reclaims);
    }
}

/// <summary>What a replay with reclaims did, in the plan's page numbers.</summary>
/// <param name="Counters">The driver's counts.</param>
/// <param name="Reclaimed">Pages removed by reclaims.</param>
/// <param name="Checks">The contract checks.</param>
/// <param name="Evicted">The pages evicted at faults, in order.</param>
/// <param name="Removed">The pages removed by reclaims, in order.</param>
/// <param name="FramePages">The page in each frame at the end, -1 for an empty frame.</param>
internal sealed record ShrinkResult(ReplayCounters Counters, long Reclaimed, ContractChecks Checks,
    IReadOnlyList<int> Evicted, IReadOnlyList<int> Removed, IReadOnlyList<int> FramePages)
{
    /// <summary>
    /// The run in one line, for hand-checked cases: "hits 1, faults 8 (7 first), evictions 5, write-backs 1;
    /// removed 1 3 4; evicted 2 5; frames 6 7 1" (frames in order, "-" for an empty one).
    /// </summary>
    public string Summary =>
        $"hits {Counters.Hits}, faults {Counters.Faults} ({Counters.FirstTouchFaults} first), "
        + $"evictions {Counters.Evictions}, write-backs {Counters.WriteBacks}; removed {string.Join(' ', Removed)}; "
        + $"evicted {string.Join(' ', Evicted)}; "
        + $"frames {string.Join(' ', FramePages.Select(p => p < 0 ? "-" : p.ToString(CultureInfo.InvariantCulture)))}";
}

/// <summary>Drives a policy through <see cref="ReplacementDriver{TPolicy}"/> with reclaims, as a shrinking host does.
/// </summary>
internal static class Shrinking
{
    /// <summary>Runs <paramref name="script"/> (as <see cref="ShrinkPlan.Parse"/> reads it), without ticks.</summary>
    public static ShrinkResult Run<TPolicy>(Func<ReplacementContext, TPolicy> create, string script, int frames)
        where TPolicy : IReplacementPolicy =>
        Run(PolicyCatalog.Of(create), ShrinkPlan.Parse(script), frames, tickPeriod: long.MaxValue, record: true);

    /// <summary>
    /// Runs <paramref name="plan"/>, ticking every <paramref name="tickPeriod"/> accesses; reclaims ask for at most
    /// the occupied frames.
    /// </summary>
    public static ShrinkResult Run(PolicyEntry policy, ShrinkPlan plan, int frames, long tickPeriod,
        bool record = false)
    {
        using var form = ReplayForm.FromPages(plan.Pages, plan.Writes);
        using var session = ReplaySession.Start(policy.Name, form,
            new ReplaySettings { Frames = frames, TickPeriod = tickPeriod }, policy.Offline);
        var table = session.Context.Frames;
        var checks = new ContractChecks(table, record);
        var driver = new ReplacementDriver<CheckingDispatch>(
            new CheckingDispatch(policy.Create(session.Context), checks), policy.Name, table, form.PageCount);
        var ids = DenseIds(plan.Pages, out var pageOfId);

        Drive(driver, ids, plan.Writes, plan.Reclaims, tickPeriod);

        return Result(driver, checks, table, pageOfId);
    }

    /// <summary>What <paramref name="driver"/> did, in the original page numbers (<paramref name="pageOfId"/>).</summary>
    public static ShrinkResult Result(ReplacementDriver<CheckingDispatch> driver, ContractChecks checks,
        FrameTable table, int[] pageOfId)
    {
        int Original(int id) => id == FrameTable.NoPage ? -1 : pageOfId[id];
        var framePages = Enumerable.Range(0, table.Count).Select(table.PageOf).Select(Original);
        return new ShrinkResult(driver.Counters, driver.Reclaimed, checks, [.. checks.Evicted.Select(Original)],
            [.. checks.Removed.Select(Original)], [.. framePages]);
    }

    /// <summary>
    /// The loop of a shrinking host: reclaims, then an access, ticking every <paramref name="tickPeriod"/> accesses.
    /// Allocates nothing.
    /// </summary>
    public static void Drive<TPolicy>(ReplacementDriver<TPolicy> driver, int[] ids, bool[] writes, int[] reclaims,
        long tickPeriod)
        where TPolicy : struct, IReplacementPolicy
    {
        for (var i = 0; i < ids.Length; i++)
        {
            driver.Reclaim(Math.Min(reclaims[i], driver.Resident));
            driver.Access(ids[i], writes[i]);
            if ((i + 1) % tickPeriod == 0)
            {
                driver.Policy.OnTick();
            }
        }

        driver.Reclaim(Math.Min(reclaims[ids.Length], driver.Resident));
    }

    /// <summary>The dense ids <see cref="ReplayForm.FromPages"/> gives: in order of first access.</summary>
    public static int[] DenseIds(int[] pages, out int[] pageOfId)
    {
        var ids = new Dictionary<int, int>();
        var dense = new int[pages.Length];
        for (var i = 0; i < pages.Length; i++)
        {
            if (!ids.TryGetValue(pages[i], out dense[i]))
            {
                dense[i] = ids.Count;
                ids.Add(pages[i], dense[i]);
            }
        }

        pageOfId = new int[ids.Count];
        foreach (var (page, id) in ids)
        {
            pageOfId[id] = page;
        }

        return dense;
    }
}
