using MemFw.Framework.Content.Sharing;

namespace MemFw.Framework.Tests.Content.Sharing;

/// <summary>A guest page of a crafted snapshot.</summary>
internal sealed record CraftedPage(int Vm, ulong Gfn, PageContent Content);

/// <summary>
/// Small snapshots built in code, and the sharing they allow counted independently of the code under test: LINQ
/// groups pages by salt, hash, zero flag and the bytes as a hex string.
/// </summary>
internal static class CraftedPages
{
    /// <summary>The hash every colliding page of <see cref="Mixed"/> is given.</summary>
    public const ulong CollidingHash = 0xC0111DE5C0111DE5;

    /// <summary>4096 pseudo-random bytes drawn from <paramref name="seed"/>: equal seeds, equal bytes.</summary>
    public static byte[] Bytes(int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The content of <see cref="Bytes"/>, hashed as the trace format does.</summary>
    public static PageContent Content(int seed) => PageContent.FromBytes(Bytes(seed));

    /// <summary>The bytes of <paramref name="seed"/> with the forced hash <see cref="CollidingHash"/>.</summary>
    public static PageContent Colliding(int seed) => new(CollidingHash, false, Bytes(seed));

    /// <summary>
    /// Three VMs of 24 pages: zero pages (gfn 0-3), one content in every VM (4-7, 20-21), a content repeated within
    /// each VM only (8-9), pages with the forced hash <see cref="CollidingHash"/> and other bytes (10, 11), copies of
    /// gfn 10 with the same forced hash (12-13), and unique pages.
    /// </summary>
    public static List<CraftedPage> Mixed(bool collisions = true)
    {
        var pages = new List<CraftedPage>();
        for (var vm = 0; vm < 3; vm++)
        {
            for (var gfn = 0; gfn < 24; gfn++)
            {
                var content = gfn switch
                {
                    < 4 => PageContent.Zero,
                    < 8 or 20 or 21 => Content(100),
                    < 10 => Content(200 + vm),
                    10 or 12 or 13 when collisions => Colliding(300 + vm),
                    11 when collisions => Colliding(310 + vm),
                    _ => Content(1000 + (vm * 100) + gfn),
                };
                pages.Add(new CraftedPage(vm, (ulong)gfn, content));
            }
        }

        return pages;
    }

    /// <summary>A space holding <paramref name="pages"/>.</summary>
    public static SharingSpace Space(SharingSettings settings, IEnumerable<CraftedPage> pages)
    {
        var space = new SharingSpace(settings);
        foreach (var page in pages)
        {
            space.SetContent(page.Vm, page.Gfn, page.Content);
        }

        return space;
    }

    /// <summary>The counters with every duplicate merged, by LINQ grouping.</summary>
    public static SharingCounters Expected(SharingSettings settings, IEnumerable<CraftedPage> pages)
    {
        var groups = pages
            .GroupBy(p => (
                Salt: settings.ZeroPageSharing && p.Content.IsZero ? -1 : settings.Salting ? p.Vm : 0,
                p.Content.Hash,
                p.Content.IsZero,
                Bytes: p.Content.HasBytes ? Convert.ToHexString(p.Content.Bytes) : null))
            .Select(g => (g.Key.IsZero, Count: g.Count()))
            .ToList();
        var shared = groups.Where(g => g.Count >= 2).ToList();
        return new SharingCounters(
            Pages: groups.Sum(g => g.Count),
            FramesInUse: groups.Count,
            PagesShared: shared.Count,
            PagesSharing: shared.Sum(g => g.Count - 1),
            ZeroPages: shared.Where(g => g.IsZero).Sum(g => g.Count),
            UnknownPages: 0);
    }

    /// <summary>Merges every page into the frame of the first page of its LINQ group, as an ideal scanner.</summary>
    public static void MergeAll(SharingSpace space)
    {
        var groups = Enumerable.Range(0, space.PageCount)
            .Where(p => space.TryGetContent(p, out _))
            .GroupBy(p =>
            {
                space.TryGetContent(p, out var c);
                var salt = space.Settings.ZeroPageSharing && c.IsZero ? -1 : space.SaltOf(p);
                return (salt, c.Hash, c.IsZero, c.HasBytes ? Convert.ToHexString(c.Bytes) : null);
            });
        foreach (var group in groups)
        {
            var first = group.First();
            foreach (var page in group.Skip(1))
            {
                space.TryMerge(page, space.FrameOf(first));
            }
        }
    }
}
