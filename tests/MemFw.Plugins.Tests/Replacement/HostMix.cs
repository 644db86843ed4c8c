using System.Globalization;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;

namespace MemFw.Plugins.Tests.Replacement;

/// <summary>What a host-like run did: the driver's counts and the contract checks.</summary>
/// <param name="Counters">The driver's counts.</param>
/// <param name="Checks">The contract checks.</param>
/// <param name="Reclaimed">Pages taken by reclaims.</param>
/// <param name="Removed">Pages removed by the engine.</param>
/// <param name="Resident">Pages resident at the end.</param>
/// <param name="EvictedBesideEmptyFrames">Faults that evicted a page while some frame was empty (at capacity).</param>
internal sealed record HostMixResult(ReplayCounters Counters, ContractChecks Checks, long Reclaimed, long Removed,
    int Resident, int EvictedBesideEmptyFrames);

/// <summary>
/// Drives a policy through <see cref="ReplacementDriver{TPolicy}"/> as a multi-VM host does: accesses with, between
/// them, capacity changes (reclaiming first when lowered), reclaims of one page and removals of a page the engine
/// picks (the guest freeing it), checking after every step that the driver's view of residency is the frame table's.
/// </summary>
internal static class HostMix
{
    /// <summary>
    /// Runs <see cref="Reference.Locality"/>'s string of <paramref name="length"/> accesses over
    /// <paramref name="distinct"/> pages, with a host operation before one access in four on average (all from
    /// <paramref name="seed"/>), ticking every <paramref name="tickPeriod"/> accesses.
    /// </summary>
    public static HostMixResult Run(PolicyEntry policy, int seed, int length, int distinct, int frames,
        long tickPeriod)
    {
        var (pages, writes) = Reference.Locality(seed, length, distinct);
        using var form = ReplayForm.FromPages(pages, writes);
        using var session = ReplaySession.Start(policy.Name, form,
            new ReplaySettings { Frames = frames, TickPeriod = tickPeriod }, policy.Offline);
        var table = session.Context.Frames;
        var checks = new ContractChecks(table);
        var driver = new ReplacementDriver<CheckingDispatch>(
            new CheckingDispatch(policy.Create(session.Context), checks), policy.Name, table, form.PageCount);
        var ids = Shrinking.DenseIds(pages, out _);
        var random = new Random(seed);
        var scratch = new bool[form.PageCount];
        var evictedBesideEmpty = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            HostOperation(driver, checks, table, random);
            AssertResidency(driver, table, scratch);

            var page = ids[i];
            var wasResident = driver.IsResident(page);
            var atCapacity = driver.Resident == driver.Capacity;
            var emptyFrames = driver.Resident < frames;
            var hit = driver.Access(page, writes[i]);

            Assert.Equal((i, wasResident), (i, hit));
            if (!hit)
            {
                Assert.Equal((i, atCapacity), (i, driver.LastEvicted != FrameTable.NoPage));
                Assert.True(!atCapacity || !driver.IsResident(driver.LastEvicted));
                evictedBesideEmpty += atCapacity && emptyFrames ? 1 : 0;
            }

            if ((i + 1) % tickPeriod == 0)
            {
                driver.Policy.OnTick();
            }

            AssertResidency(driver, table, scratch);
        }

        return new HostMixResult(driver.Counters, checks, driver.Reclaimed, driver.Removed, driver.Resident,
            evictedBesideEmpty);
    }

    /// <summary>
    /// Runs <paramref name="script"/>, without ticks: accesses as <see cref="Reference.Parse"/> reads them, "-k" to
    /// reclaim k pages, "xN" for the guest to free resident page N (<see cref="ReplacementDriver{TPolicy}.Remove"/>),
    /// "cN" to set the capacity to N. The result's removed pages are the reclaimed ones.
    /// </summary>
    public static ShrinkResult RunScript<TPolicy>(Func<ReplacementContext, TPolicy> create, string script, int frames)
        where TPolicy : IReplacementPolicy
    {
        var tokens = script.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var accesses = tokens.Where(t => char.IsDigit(t[0])).ToArray();
        var (pages, writes) = Reference.Parse(string.Join(' ', accesses));
        var policy = PolicyCatalog.Of(create);
        using var form = ReplayForm.FromPages(pages, writes);
        using var session = ReplaySession.Start(policy.Name, form,
            new ReplaySettings { Frames = frames, TickPeriod = long.MaxValue }, policy.Offline);
        var table = session.Context.Frames;
        var checks = new ContractChecks(table, record: true);
        var driver = new ReplacementDriver<CheckingDispatch>(
            new CheckingDispatch(policy.Create(session.Context), checks), policy.Name, table, form.PageCount);
        var ids = Shrinking.DenseIds(pages, out var pageOfId);
        var access = 0;
        foreach (var token in tokens)
        {
            var number = int.Parse(token.TrimStart('-', 'x', 'c').TrimEnd('w'), CultureInfo.InvariantCulture);
            switch (token[0])
            {
                case '-':
                    driver.Reclaim(number);
                    break;
                case 'x':
                    driver.Remove(Array.IndexOf(pageOfId, number));
                    break;
                case 'c':
                    driver.Capacity = number;
                    checks.Capacity = number;
                    break;
                default:
                    driver.Access(ids[access], writes[access]);
                    access++;
                    break;
            }
        }

        return Shrinking.Result(driver, checks, table, pageOfId);
    }

    /// <summary>
    /// One time in four: a new capacity of 1 to all frames (reclaiming down to it first), a reclaim of one page, or
    /// the removal of a resident page drawn at random.
    /// </summary>
    private static void HostOperation<TPolicy>(ReplacementDriver<TPolicy> driver, ContractChecks checks,
        FrameTable table, Random random)
        where TPolicy : struct, IReplacementPolicy
    {
        switch (random.Next(12))
        {
            case 0:
                var capacity = 1 + random.Next(table.Count);
                while (driver.Resident > capacity)
                {
                    ReclaimOne(driver);
                }

                driver.Capacity = capacity;
                checks.Capacity = capacity;
                break;
            case 1 when driver.Resident > 0:
                ReclaimOne(driver);
                break;
            case 2 when driver.Resident > 0:
                var frame = random.Next(table.Count);
                while (table.PageOf(frame) == FrameTable.NoPage)
                {
                    frame = (frame + 1) % table.Count;
                }

                var page = table.PageOf(frame);
                var dirty = table.IsDirty(frame);
                var resident = driver.Resident;
                Assert.Equal(dirty, driver.Remove(page));
                Assert.False(driver.IsResident(page));
                Assert.Equal(FrameTable.NoPage, table.PageOf(frame));
                Assert.Equal(resident - 1, driver.Resident);
                break;
        }
    }

    private static void ReclaimOne<TPolicy>(ReplacementDriver<TPolicy> driver)
        where TPolicy : struct, IReplacementPolicy
    {
        var resident = driver.Resident;
        var page = driver.ReclaimOne(out _);
        Assert.False(driver.IsResident(page));
        Assert.Equal(resident - 1, driver.Resident);
    }

    /// <summary>
    /// The pages <see cref="ReplacementDriver{TPolicy}.IsResident"/> names are exactly those in the frames, each in
    /// one frame, and there are <see cref="ReplacementDriver{TPolicy}.Resident"/> of them.
    /// </summary>
    private static void AssertResidency<TPolicy>(ReplacementDriver<TPolicy> driver, FrameTable table, bool[] inFrame)
        where TPolicy : struct, IReplacementPolicy
    {
        Array.Clear(inFrame);
        var occupied = 0;
        for (var frame = 0; frame < table.Count; frame++)
        {
            var page = table.PageOf(frame);
            if (page != FrameTable.NoPage)
            {
                Assert.False(inFrame[page], "a page is in two frames");
                inFrame[page] = true;
                occupied++;
            }
        }

        Assert.Equal(occupied, driver.Resident);
        Assert.True(driver.Resident <= driver.Capacity);
        for (var page = 0; page < inFrame.Length; page++)
        {
            if (driver.IsResident(page) != inFrame[page])
            {
                Assert.Fail($"page {page}: resident {driver.IsResident(page)} for the driver, {inFrame[page]} in frames");
            }
        }
    }
}
