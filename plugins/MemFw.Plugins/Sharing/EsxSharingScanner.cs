using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Sharing;

/// <summary>
/// VMware ESX content-based page sharing: pages picked at random, rate-limited per VM and host-wide, looked up by
/// hash in one global table of shared frames and hint frames.
/// </summary>
/// <remarks>
/// <para>
/// Waldspurger, "Memory Resource Management in VMware ESX Server", OSDI 2002, section 4.2 (content-based page
/// sharing; the table of 16-byte shared and hint frames, random scanning with per-VM and system-wide rate limits).
/// For each scanned page, its 64-bit hash is looked up:
/// </para>
/// <list type="bullet">
/// <item>a live shared frame of that hash: the page is compared in full and mapped to it; a false match (equal hash,
/// other bytes) leaves the page ineligible, as the paper says;</item>
/// <item>a hint frame (a page hashed once, recorded with its VM and gfn): the hinted page is hashed again; if
/// unchanged, both pages are compared in full and shared on one frame, which replaces the hint as a shared frame;
/// if changed (or written since, content unknown), the scanned page replaces the hint;</item>
/// <item>nothing (or a shared frame whose pages have all gone): the page becomes the hint for its hash.</item>
/// </list>
/// <para>
/// Choices where the paper is open: each period every VM scans up to <see cref="EsxSharingOptions.PagesPerVm"/>
/// pages and the host up to <see cref="EsxSharingOptions.PagesTotal"/>; VMs take one page each in turn, starting
/// from the next VM each period, until a limit is reached, so a binding host-wide limit is split evenly. A VM's page
/// is drawn uniformly among its pages, with replacement, from <see cref="Random"/> seeded with
/// <see cref="HostPluginContext.Seed"/>. The table holds the full hash (the paper truncates it in hint frames) and,
/// under salting, the salt. Pages already on a shared frame or the zero frame, and pages whose content is unknown
/// (written since their snapshot, hence changing), count as scanned and are left alone. A hint that is unchanged but
/// a false match stays, and the scanned page is left alone.
/// </para>
/// </remarks>
[SharingScanner("esx",
    Description = "VMware ESX: random rate-limited scan, global hash table of shared and hint frames",
    Source = "Waldspurger, Memory Resource Management in VMware ESX Server, OSDI 2002, section 4.2")]
public sealed class EsxSharingScanner : ISharingScanner
{
    private readonly EsxSharingOptions _options;
    private readonly Random _random;

    /// <summary>The global hash table: (salt, hash) to a shared frame or a hint.</summary>
    private readonly Dictionary<(int Salt, ulong Hash), Entry> _table = [];

    private SharingSpace? _space;

    /// <summary>Pages scanned by each VM (by index in the space's VM list) in the current period.</summary>
    private int[] _scannedThisPeriod = [];

    /// <summary>The VM (index) that scans first in the next period.</summary>
    private int _firstVm;

    private long _scanned;
    private long _hints;

    /// <summary>Creates the scanner.</summary>
    public EsxSharingScanner(EsxSharingOptions options, HostPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        _options = options;
        _random = new Random(context.Seed);
    }

    /// <inheritdoc/>
    public TimeSpan Period => TimeSpan.FromMilliseconds(_options.PeriodMilliseconds);

    /// <inheritdoc/>
    public ScannerCounters Counters => new(_scanned, 0, 0, 0, _hints);

    /// <inheritdoc/>
    public void Scan(SharingSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!ReferenceEquals(_space ??= space, space))
        {
            throw new InvalidOperationException("a scanner serves one sharing space for its life");
        }

        var vms = space.Vms;
        if (vms.Count == 0)
        {
            return;
        }

        if (_scannedThisPeriod.Length < vms.Count)
        {
            _scannedThisPeriod = new int[vms.Count];
        }

        Array.Clear(_scannedThisPeriod);
        var first = _firstVm % vms.Count;
        _firstVm = first + 1;
        var total = 0;
        for (var progress = true; progress && total < _options.PagesTotal;)
        {
            progress = false;
            for (var i = 0; i < vms.Count && total < _options.PagesTotal; i++)
            {
                var vm = (first + i) % vms.Count;
                if (_scannedThisPeriod[vm] < _options.PagesPerVm)
                {
                    var pages = space.PagesOf(vms[vm]);
                    Visit(space, pages[_random.Next(pages.Length)]);
                    _scannedThisPeriod[vm]++;
                    total++;
                    progress = true;
                }
            }
        }
    }

    /// <summary>One scanned page (see the remarks).</summary>
    private void Visit(SharingSpace space, int page)
    {
        _scanned++;
        var frame = space.FrameOf(page);
        if (space.SharersOf(frame) >= 2 || space.IsOnZeroFrame(page) || !space.TryGetContent(page, out var content))
        {
            return;
        }

        var key = (space.SaltOf(page), content.Hash);
        var found = _table.TryGetValue(key, out var entry);
        if (found && entry.IsShared && space.SharersOf(entry.Target) > 0)
        {
            if (entry.Target != frame)
            {
                space.TryMerge(page, entry.Target);
            }

            return;
        }

        if (found && !entry.IsShared)
        {
            if (entry.Target == page)
            {
                return;
            }

            if (space.TryGetContent(entry.Target, out var hinted) && hinted.Hash == content.Hash)
            {
                var target = space.FrameOf(entry.Target);
                if (space.TryMerge(page, target))
                {
                    _table[key] = new Entry(IsShared: true, target);
                    _hints--;
                }

                return;
            }
        }

        if (!found || entry.IsShared)
        {
            _hints++;
        }

        _table[key] = new Entry(IsShared: false, page);
    }

    /// <summary>A frame of the hash table: a shared frame (machine frame id) or a hint (guest page id).</summary>
    private readonly record struct Entry(bool IsShared, int Target);
}
