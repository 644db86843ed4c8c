using System.Security.Cryptography;
using MemFw.Framework.Content.Sharing;
using MemFw.Traces.Format;
using MemFw.Traces.Import;

namespace MemFw.Framework.Tests.Content.Sharing;

/// <summary>
/// One real guest (<see cref="GuestWorkloads"/>) replayed through two sharing spaces, with the facts to check them
/// against read straight from its images and records. Both spaces load the start image, take the trace's stores as
/// writes in trace order, then load the end image; the merged one first merges every page into the first page of
/// equal start bytes, as an ideal scanner would.
/// </summary>
/// <param name="Records">Records in the trace.</param>
/// <param name="Stores">Store records, I/O stores included (as the samples README counts them).</param>
/// <param name="Written">Guest frame numbers that RAM stores write.</param>
/// <param name="Differing">Pages whose bytes differ between the start and end image (a byte compare).</param>
/// <param name="StartClass">Each page's content class in the start image: equal class, equal bytes (SHA-256).</param>
/// <param name="EndClass">Each page's content class in the end image, numbered as the start's.</param>
/// <param name="ZeroClass">The class of an all-zero page; -1 if neither image has one.</param>
/// <param name="PlainEnd">What the end image did to the space without shares.</param>
/// <param name="MergeRefusals">
/// Merges of pages of one start class that <see cref="SharingSpace.TryMerge"/> refused.
/// </param>
/// <param name="MergedBeforeWrites">The merged space's counters before the writes.</param>
/// <param name="CopyOnWriteBreaks">The merged space's copy-on-write breaks.</param>
/// <param name="StaleAfterWrites">
/// Pages of the merged space whose content is known after the writes but is not their content in the end image.
/// </param>
/// <param name="MergedEnd">What the end image did to the merged space.</param>
/// <param name="MergedAfterEnd">The merged space's counters after the end image.</param>
/// <param name="FrameAfterEnd">Each page's frame in the merged space after the end image.</param>
internal sealed record GuestReplay(
    long Records,
    long Stores,
    IReadOnlySet<ulong> Written,
    IReadOnlySet<ulong> Differing,
    IReadOnlyList<int> StartClass,
    IReadOnlyList<int> EndClass,
    int ZeroClass,
    SnapshotLoad PlainEnd,
    int MergeRefusals,
    SharingCounters MergedBeforeWrites,
    long CopyOnWriteBreaks,
    int StaleAfterWrites,
    SnapshotLoad MergedEnd,
    SharingCounters MergedAfterEnd,
    IReadOnlyList<int> FrameAfterEnd)
{
    /// <summary>The VM id the guest gets in both spaces.</summary>
    private const ushort Vm = 0;

    /// <summary>Replays <paramref name="guest"/> (<c>L1a</c>, <c>L1b</c> or <c>L2</c>).</summary>
    public static GuestReplay Run(string guest)
    {
        var start = GuestWorkloads.Start(guest);
        var end = GuestWorkloads.End(guest, start);
        var classes = new Dictionary<string, int>();
        var startClass = Classify(start, classes);
        var endClass = Classify(end, classes);
        var zeroClass = classes.GetValueOrDefault(Key(new byte[TraceFormat.PageSize]), -1);
        var differing = Enumerable.Range(0, GuestWorkloads.Pages)
            .Where(gfn => !Page(start, gfn).SequenceEqual(Page(end, gfn)))
            .Select(gfn => (ulong)gfn)
            .ToHashSet();

        // Unchanged pages keep the start's content object; each changed page gets its end bytes.
        var startContent = new PageContent[GuestWorkloads.Pages];
        var endContent = new PageContent[GuestWorkloads.Pages];
        for (var gfn = 0; gfn < GuestWorkloads.Pages; gfn++)
        {
            startContent[gfn] = PageContent.FromBytes(Page(start, gfn).ToArray());
            endContent[gfn] = differing.Contains((ulong)gfn)
                ? PageContent.FromBytes(Page(end, gfn).ToArray())
                : startContent[gfn];
        }

        var plain = new SharingSpace(new SharingSettings());
        var merged = new SharingSpace(new SharingSettings());
        Snapshot(plain, startContent);
        Snapshot(merged, startContent);
        var refusals = MergeClasses(merged, startClass);
        var beforeWrites = merged.Counters;
        var (records, stores, written) = ReplayStores(guest, plain, merged);
        var stale = Enumerable.Range(0, GuestWorkloads.Pages).Count(gfn =>
            merged.TryGetContent(merged.FindPage(Vm, (ulong)gfn), out var content)
            && !SameBytes(content, Page(end, gfn)));
        var plainEnd = Snapshot(plain, endContent);
        var mergedEnd = Snapshot(merged, endContent);
        var frames = Enumerable.Range(0, GuestWorkloads.Pages)
            .Select(gfn => merged.FrameOf(merged.FindPage(Vm, (ulong)gfn)))
            .ToArray();
        return new GuestReplay(records, stores, written, differing, startClass, endClass, zeroClass, plainEnd,
            refusals, beforeWrites, merged.CopyOnWriteBreaks, stale, mergedEnd, merged.Counters, frames);
    }

    private static ReadOnlySpan<byte> Page(byte[] image, int gfn) =>
        image.AsSpan(gfn * TraceFormat.PageSize, TraceFormat.PageSize);

    private static bool SameBytes(PageContent content, ReadOnlySpan<byte> page) =>
        content.IsZero ? !page.ContainsAnyExcept((byte)0) : content.Bytes.SequenceEqual(page);

    private static string Key(ReadOnlySpan<byte> page) => Convert.ToHexString(SHA256.HashData(page));

    /// <summary>Each page's content class, numbering new contents from <paramref name="classes"/>' count.</summary>
    private static int[] Classify(byte[] image, Dictionary<string, int> classes)
    {
        var classOf = new int[GuestWorkloads.Pages];
        for (var gfn = 0; gfn < classOf.Length; gfn++)
        {
            var key = Key(Page(image, gfn));
            if (!classes.TryGetValue(key, out classOf[gfn]))
            {
                classOf[gfn] = classes[key] = classes.Count;
            }
        }

        return classOf;
    }

    /// <summary>Sets every page of the guest to <paramref name="contents"/>, indexed by guest frame number.</summary>
    private static SnapshotLoad Snapshot(SharingSpace space, PageContent[] contents)
    {
        var load = default(SnapshotLoad);
        for (var gfn = 0; gfn < contents.Length; gfn++)
        {
            load = load.With(space.SetContent(Vm, (ulong)gfn, contents[gfn]));
        }

        return load;
    }

    /// <summary>Merges each page into the frame of the first page of its class; returns the merges refused.</summary>
    private static int MergeClasses(SharingSpace space, int[] classOf)
    {
        var firstPage = new Dictionary<int, int>();
        var refused = 0;
        for (var gfn = 0; gfn < classOf.Length; gfn++)
        {
            var page = space.FindPage(Vm, (ulong)gfn);
            if (!firstPage.TryAdd(classOf[gfn], page) && !space.TryMerge(page, space.FrameOf(firstPage[classOf[gfn]])))
            {
                refused++;
            }
        }

        return refused;
    }

    /// <summary>
    /// Reads the trace through the importer's reader and writes the page of every RAM store to
    /// <paramref name="spaces"/>, in trace order.
    /// </summary>
    private static (long Records, long Stores, HashSet<ulong> Written) ReplayStores(
        string guest, params SharingSpace[] spaces)
    {
        using var capture = ImportFormats.OpenAccesses(ImportFormat.Qemu, GuestWorkloads.Trace(guest), Vm);
        var batch = new AccessBatch();
        var written = new HashSet<ulong>();
        var records = 0L;
        var stores = 0L;
        var last = ulong.MaxValue;
        while (capture.Read(batch) > 0)
        {
            records += batch.Count;
            var kinds = batch.Kind;
            var gpas = batch.Gpa;
            var io = batch.Io;
            for (var i = 0; i < kinds.Length; i++)
            {
                if (kinds[i] != AccessKind.Write)
                {
                    continue;
                }

                stores++;
                var gfn = gpas[i] >> TraceFormat.PageShift;
                // A store to the page the last store wrote changes nothing: that page is written already.
                if (io[i] || gfn == last)
                {
                    continue;
                }

                last = gfn;
                written.Add(gfn);
                foreach (var space in spaces)
                {
                    space.Write(Vm, gfn);
                }
            }
        }

        return (records, stores, written);
    }
}
