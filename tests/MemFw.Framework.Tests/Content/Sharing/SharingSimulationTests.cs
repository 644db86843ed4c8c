using MemFw.Framework.Content.Sharing;

namespace MemFw.Framework.Tests.Content.Sharing;

public sealed class SharingSimulationTests
{
    [Fact]
    public void Run_Periods_CountersAfterEachAndTheIdeal()
    {
        var pages = CraftedPages.Mixed();
        var space = CraftedPages.Space(new SharingSettings(), pages);
        var scanner = new OneMergePerPeriod();

        var run = SharingSimulation.Run(space, scanner, 40);

        Assert.Equal(new SharingCounters(72, 72, 0, 0, 0, 0), run.Start);
        Assert.Equal(CraftedPages.Expected(new SharingSettings(), pages), run.Ideal);
        Assert.Equal(40, run.Periods.Count);
        Assert.Equal(Enumerable.Range(1, 40), run.Periods.Select(p => p.Number));
        Assert.Equal(TimeSpan.FromMilliseconds(500 * 40), run.Periods[^1].Elapsed);
        // 37 merges reach the ideal (72 - 35 frames); one merge per period until then.
        Assert.Equal(
            Enumerable.Range(1, 40).Select(p => (long)Math.Min(p, 37)), run.Periods.Select(p => p.Space.Saved));
        Assert.Equal(run.Ideal, run.Periods[^1].Space);
        Assert.Equal(40, run.Periods[^1].Scanner.PagesScanned);
    }

    [Fact]
    public void Run_ScanTime_WholePeriodsThatFit()
    {
        var space = CraftedPages.Space(new SharingSettings(), CraftedPages.Mixed());

        var run = SharingSimulation.Run(space, new OneMergePerPeriod(), TimeSpan.FromSeconds(2.9));

        Assert.Equal(5, run.Periods.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => SharingSimulation.Run(space, new OneMergePerPeriod(), -1));
    }

    /// <summary>A scanner for the bookkeeping: merges the first mergeable pair it finds, every 0.5 s.</summary>
    private sealed class OneMergePerPeriod : ISharingScanner
    {
        private long _scans;

        public TimeSpan Period => TimeSpan.FromMilliseconds(500);

        public ScannerCounters Counters => new(_scans, 0, 0, 0, 0);

        public void Scan(SharingSpace space)
        {
            _scans++;
            for (var page = 0; page < space.PageCount; page++)
            {
                for (var other = 0; other < page; other++)
                {
                    if (space.SharersOf(space.FrameOf(page)) == 1 && space.TryMerge(page, space.FrameOf(other)))
                    {
                        return;
                    }
                }
            }
        }
    }
}
