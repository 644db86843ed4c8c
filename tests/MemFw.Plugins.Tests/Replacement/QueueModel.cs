using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;

namespace MemFw.Plugins.Tests.Replacement;

/// <summary>
/// FIFO or LRU as a list of pages, oldest (or least recent) first, with the host's operations on it: the reference a
/// policy driven through <see cref="ReplacementDriver{TPolicy}"/> is checked against, step by step.
/// </summary>
/// <param name="recencyOnHit">LRU: a hit moves the page to the end; FIFO: a hit changes nothing.</param>
internal sealed class QueueModel(bool recencyOnHit)
{
    private readonly List<int> _order = [];
    private readonly HashSet<int> _dirty = [];

    public IReadOnlyList<int> Pages => _order;

    /// <summary>Evictions at faults and reclaims.</summary>
    public long Evictions { get; private set; }

    /// <summary>Dirty pages among <see cref="Evictions"/>.</summary>
    public long WriteBacks { get; private set; }

    /// <summary>
    /// An access with at most <paramref name="capacity"/> pages resident: whether it hit, and the page evicted to make
    /// room (<see cref="FrameTable.NoPage"/> if none).
    /// </summary>
    public bool Access(int page, bool write, int capacity, out int evicted, out bool evictedDirty)
    {
        evicted = FrameTable.NoPage;
        evictedDirty = false;
        var hit = _order.Contains(page);
        if (hit && recencyOnHit)
        {
            _order.Remove(page);
        }

        if (!hit && _order.Count == capacity)
        {
            evicted = ReclaimOne(out evictedDirty);
        }

        if (!hit || recencyOnHit)
        {
            _order.Add(page);
        }

        if (write)
        {
            _dirty.Add(page);
        }

        return hit;
    }

    /// <summary>Evicts the first page; returns it and whether it was dirty.</summary>
    public int ReclaimOne(out bool dirty)
    {
        var page = _order[0];
        dirty = Remove(page);
        Evictions++;
        WriteBacks += dirty ? 1 : 0;
        return page;
    }

    /// <summary>Takes <paramref name="page"/> out without counting an eviction; returns whether it was dirty.</summary>
    public bool Remove(int page)
    {
        _order.Remove(page);
        return _dirty.Remove(page);
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps drawn from <paramref name="seed"/> through <paramref name="policy"/> over 8
    /// frames and 24 pages and through a model, asserting they agree after each: accesses (half of them to 6 pages),
    /// and, one step in seven each, a new capacity (reclaiming down to it first), a reclaim, or the removal of a
    /// resident page.
    /// </summary>
    public static void AssertAgrees(Func<ReplacementContext, IReplacementPolicy> policy, bool recencyOnHit, int seed,
        int steps)
    {
        const int FrameCount = 8;
        const int PageCount = 24;
        var frames = new FrameTable(FrameCount);
        var context = new ReplacementContext(frames, PageCount, tickPeriod: 100, seed: 1, nextUse: null);
        var driver = new ReplacementDriver<InterfaceDispatch>(new InterfaceDispatch(policy(context)), "model",
            frames, PageCount);
        var model = new QueueModel(recencyOnHit);
        var random = new Random(seed);
        var capacity = FrameCount;
        for (var step = 0; step < steps; step++)
        {
            switch (random.Next(7))
            {
                case 0:
                    capacity = 1 + random.Next(FrameCount);
                    while (model.Pages.Count > capacity)
                    {
                        AssertReclaimsSame(step, model, driver);
                    }

                    driver.Capacity = capacity;
                    break;
                case 1 when model.Pages.Count > 0:
                    AssertReclaimsSame(step, model, driver);
                    break;
                case 2 when model.Pages.Count > 0:
                    var removed = model.Pages[random.Next(model.Pages.Count)];
                    Assert.Equal((step, model.Remove(removed)), (step, driver.Remove(removed)));
                    break;
                default:
                    var page = random.Next(2) == 0 ? random.Next(6) : random.Next(PageCount);
                    var write = random.Next(4) == 0;
                    var hit = model.Access(page, write, capacity, out var evicted, out var dirty);
                    Assert.Equal((step, hit), (step, driver.Access(page, write)));
                    if (!hit)
                    {
                        Assert.Equal((step, evicted, dirty), (step, driver.LastEvicted, driver.LastEvictedDirty));
                    }

                    break;
            }

            Assert.Equal((step, model.Pages.Count), (step, driver.Resident));
            Assert.All(model.Pages, p => Assert.True(driver.IsResident(p), $"step {step}: page {p} not resident"));
        }

        var counters = driver.Counters;
        Assert.Equal((model.Evictions, model.WriteBacks), (counters.Evictions, counters.WriteBacks));
    }

    private static void AssertReclaimsSame(int step, QueueModel model, ReplacementDriver<InterfaceDispatch> driver)
    {
        var expected = model.ReclaimOne(out var expectedDirty);
        var page = driver.ReclaimOne(out var dirty);
        Assert.Equal((step, expected, expectedDirty), (step, page, dirty));
    }
}
