using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Sharing;

/// <summary>
/// Linux KSM: scans pages in a fixed order, merging a page into a stable (merged, write-protected) page of equal
/// content if one exists, else pairing unchanged pages through an unstable tree that is emptied after every full
/// scan.
/// </summary>
/// <remarks>
/// <para>
/// Linux mm/ksm.c (the DOC comment and <c>cmp_and_merge_page</c>) and Documentation/admin-guide/mm/ksm.rst. Each
/// period scans <see cref="KsmSharingOptions.PagesToScan"/> pages, VM by VM (ascending id) and within a VM in guest
/// frame order, resuming where the last period stopped. For each page:
/// </para>
/// <list type="number">
/// <item>Look up the stable tree by content. A page already on a node's frame is done. Otherwise it is merged into
/// a node of that content with fewer than <see cref="KsmSharingOptions.MaxPageSharing"/> pages. When every node of
/// the content is full, the page goes on to the next steps, as in ksm.c: a new node for the content arises only when
/// two such pages meet in the unstable tree, and joins the others in the content's chain (KSM's stable node
/// chains).</item>
/// <item>Compare the page's checksum with the one from its previous scan: if it changed (or the page was never
/// scanned, or its content is unknown because it was written), remember the new checksum, count the page volatile
/// and stop.</item>
/// <item>Look up the unstable tree: on a match, merge both pages into one frame, which becomes a new stable node,
/// and take the other page out of the unstable tree; else insert the page.</item>
/// </list>
/// <para>
/// After the last page of a pass, <c>full_scans</c> grows and the unstable tree is emptied. The red-black trees are
/// sorted dictionaries keyed by (salt, content): hash, then the bytes when the trace has them. Choices where the
/// source is open or kernel-specific: the checksum is the trace's 64-bit content hash (ksm.c uses xxhash of the page);
/// the unstable tree keeps the content a page had when inserted, and a page that changed since fails to merge and
/// is replaced by the page that found it (ksm.c compares current bytes while walking); pages on the zero frame
/// (zero-page hack) are passed over without counting against <c>pages_to_scan</c>, as KSM's walk passes over pages
/// that are not anonymous; <c>pages_volatile</c> counts pages whose last scan found them changing (ksm.c derives it
/// from its rmap item counts); counters are exact at once, where ksm.c updates some when it next passes a page.
/// </para>
/// </remarks>
[SharingScanner("ksm", Description = "Linux KSM: stable and unstable content trees, fixed scan order, flush per pass",
    Source = "Linux mm/ksm.c and Documentation/admin-guide/mm/ksm.rst")]
public sealed class KsmSharingScanner : ISharingScanner
{
    private readonly KsmSharingOptions _options;

    /// <summary>Merged frames by (salt, content); several per content once nodes fill (a stable node chain).</summary>
    private readonly SortedDictionary<(int Salt, PageContent Content), List<int>> _stable = [];

    /// <summary>Unchanged, unmerged pages of this pass by (salt, content at insertion).</summary>
    private readonly SortedDictionary<(int Salt, PageContent Content), int> _unstable = [];

    private SharingSpace? _space;

    /// <summary>Each page's checksum at its previous scan.</summary>
    private ulong[] _checksum = [];

    /// <summary>
    /// Whether <see cref="_checksum"/> holds one (not before a first scan, nor after unknown content).
    /// </summary>
    private bool[] _hasChecksum = [];

    /// <summary>Whether each page's last scan found it changing.</summary>
    private bool[] _volatile = [];

    /// <summary>The cursor: index into the space's VMs and position in that VM's pages.</summary>
    private int _vmIndex;

    private int _position;
    private long _scanned;
    private long _fullScans;
    private long _volatileCount;

    /// <summary>Creates the scanner.</summary>
    public KsmSharingScanner(KsmSharingOptions options, HostPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        _options = options;
    }

    /// <inheritdoc/>
    public TimeSpan Period => TimeSpan.FromMilliseconds(_options.SleepMilliseconds);

    /// <inheritdoc/>
    public ScannerCounters Counters => new(_scanned, _fullScans, _unstable.Count, _volatileCount, 0);

    /// <inheritdoc/>
    public void Scan(SharingSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!ReferenceEquals(_space ??= space, space))
        {
            throw new InvalidOperationException("a scanner serves one sharing space for its life");
        }

        if (_checksum.Length < space.PageCount)
        {
            Array.Resize(ref _checksum, space.PageCount);
            Array.Resize(ref _hasChecksum, space.PageCount);
            Array.Resize(ref _volatile, space.PageCount);
        }

        var budget = _options.PagesToScan;
        var passedOver = 0;
        while (budget > 0 && passedOver < space.PageCount)
        {
            var pages = space.PagesOf(space.Vms[_vmIndex]);
            var page = pages[_position];
            if (space.IsOnZeroFrame(page))
            {
                passedOver++;
            }
            else
            {
                passedOver = 0;
                budget--;
                _scanned++;
                CompareAndMerge(space, page);
            }

            Advance(space, pages.Length);
        }
    }

    /// <summary>
    /// Moves the cursor past a page of a VM with <paramref name="vmPages"/> pages; the last ends a pass.
    /// </summary>
    private void Advance(SharingSpace space, int vmPages)
    {
        if (++_position < vmPages)
        {
            return;
        }

        _position = 0;
        if (++_vmIndex < space.Vms.Count)
        {
            return;
        }

        _vmIndex = 0;
        _fullScans++;
        _unstable.Clear();
    }

    /// <summary>One page, as ksm.c's <c>cmp_and_merge_page</c> (see the remarks).</summary>
    private void CompareAndMerge(SharingSpace space, int page)
    {
        if (!space.TryGetContent(page, out var content))
        {
            _hasChecksum[page] = false;
            SetVolatile(page, true);
            return;
        }

        var key = (space.SaltOf(page), content);
        if (MergeIntoStable(space, page, key))
        {
            SetVolatile(page, false);
            return;
        }

        if (!_hasChecksum[page] || _checksum[page] != content.Hash)
        {
            _checksum[page] = content.Hash;
            _hasChecksum[page] = true;
            SetVolatile(page, true);
            return;
        }

        SetVolatile(page, false);
        if (_unstable.TryGetValue(key, out var other) && other != page && space.TryMerge(page, space.FrameOf(other)))
        {
            _unstable.Remove(key);
            AddStableNode(key, space.FrameOf(page));
            return;
        }

        _unstable[key] = page;
    }

    /// <summary>The stable-tree step: whether the page is on a stable node now (already, or merged into one).</summary>
    private bool MergeIntoStable(SharingSpace space, int page, (int, PageContent) key)
    {
        if (!_stable.TryGetValue(key, out var chain))
        {
            return false;
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            if (space.SharersOf(chain[i]) == 0)
            {
                chain.RemoveAt(i);
            }
        }

        if (chain.Count == 0)
        {
            _stable.Remove(key);
            return false;
        }

        var own = space.FrameOf(page);
        foreach (var frame in chain)
        {
            if (frame == own
                || (space.SharersOf(frame) < _options.MaxPageSharing && space.TryMerge(page, frame)))
            {
                return true;
            }
        }

        return false;
    }

    private void AddStableNode((int, PageContent) key, int frame)
    {
        if (!_stable.TryGetValue(key, out var chain))
        {
            _stable.Add(key, chain = []);
        }

        if (!chain.Contains(frame))
        {
            chain.Add(frame);
        }
    }

    private void SetVolatile(int page, bool changing)
    {
        if (_volatile[page] != changing)
        {
            _volatile[page] = changing;
            _volatileCount += changing ? 1 : -1;
        }
    }
}
