using System.Runtime.InteropServices;

namespace MemFw.Framework.Content.Sharing;

/// <summary>
/// The host's mergeable guest pages, each a (VM, guest frame number), and the machine frames that back them: which
/// pages share a frame, what each page holds, and the counters operators read. Scanners
/// (<see cref="ISharingScanner"/>) look at pages and call <see cref="TryMerge"/>; snapshots set contents; writes
/// break shares.
/// </summary>
/// <remarks>
/// <para>
/// Pages and frames have dense ids (0, 1, ...) and all state is in lists indexed by them. Nothing here runs per
/// memory access except <see cref="WritePage"/>, which a host calls for a write and which does nothing for a page
/// already written since its snapshot.
/// </para>
/// <para>
/// A frame's content never changes while it lives: a page whose content changes (a write, or a snapshot showing
/// other content) moves to a new frame, and frame ids are never reused. So a scanner may remember a frame id with
/// the content it saw: while <see cref="SharersOf"/> is above zero, the frame still holds that content.
/// </para>
/// <para>
/// Writes: <see cref="Write"/> is copy-on-write. The page gets a frame of its own again (a shared frame loses one
/// sharer) and its new content is unknown until the next snapshot of its VM shows it, so until then it is unique:
/// <see cref="TryMerge"/> refuses it and scanners see it as changing. The next snapshot makes its content known and
/// it is mergeable again. The rule never keeps a page shared whose content may have changed, because only a write
/// can change a page.
/// </para>
/// </remarks>
public sealed class SharingSpace
{
    /// <summary>What <see cref="FindPage"/> returns for a page not in the space.</summary>
    public const int NoPage = -1;

    private readonly List<int> _pageVm = [];
    private readonly List<ulong> _pageGfn = [];
    private readonly List<int> _pageFrame = [];
    private readonly Dictionary<(int Vm, ulong Gfn), int> _pageIds = [];
    private readonly Dictionary<int, VmPages> _vms = [];
    private readonly List<int> _vmIds = [];

    /// <summary>Guest pages mapping each frame; 0 once the frame is freed (its id is never reused).</summary>
    private readonly List<int> _sharers = [];

    /// <summary>Each frame's content; meaningless where <see cref="_frameKnown"/> is false.</summary>
    private readonly List<PageContent> _frameContent = [];

    /// <summary>Whether each frame's content is known (not for a page written since its snapshot).</summary>
    private readonly List<bool> _frameKnown = [];

    /// <summary>The salt of each frame's pages: their VM under salting, else 0.</summary>
    private readonly List<int> _frameSalt = [];

    /// <summary>The frame every zero page maps to under the zero-page hack; -1 while there is none.</summary>
    private int _zeroFrame = -1;

    private long _framesInUse;
    private long _pagesShared;
    private long _pagesSharing;
    private long _zeroPages;
    private long _unknownPages;

    /// <summary>Creates an empty space with the given switches.</summary>
    public SharingSpace(SharingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
    }

    /// <summary>The switches (zero-page hack, salting).</summary>
    public SharingSettings Settings { get; }

    /// <summary>Guest pages in the space; page ids are 0 to this - 1.</summary>
    public int PageCount => _pageVm.Count;

    /// <summary>The VMs with pages, ascending.</summary>
    public IReadOnlyList<int> Vms => _vmIds;

    /// <summary>The counters now.</summary>
    public SharingCounters Counters =>
        new(PageCount, _framesInUse, _pagesShared, _pagesSharing, _zeroPages, _unknownPages);

    /// <summary>Merges done so far (successful <see cref="TryMerge"/> calls).</summary>
    public long Merges { get; private set; }

    /// <summary>Copy-on-write breaks so far: writes to pages on shared frames.</summary>
    public long CopyOnWriteBreaks { get; private set; }

    /// <summary>
    /// Told of every merge a scanner makes, so that a host can move machine frames with it; null when nobody listens.
    /// </summary>
    public ISharingObserver? Observer { get; set; }

    /// <summary>The pages of <paramref name="vm"/> in guest frame number order; empty for a VM without pages.</summary>
    public ReadOnlySpan<int> PagesOf(int vm) =>
        _vms.TryGetValue(vm, out var pages) ? pages.InGfnOrder(_pageGfn) : [];

    /// <summary>The id of page (<paramref name="vm"/>, <paramref name="gfn"/>), or <see cref="NoPage"/>.</summary>
    public int FindPage(int vm, ulong gfn) => _pageIds.TryGetValue((vm, gfn), out var page) ? page : NoPage;

    /// <summary>The VM of a page.</summary>
    public int VmOf(int page) => _pageVm[page];

    /// <summary>The guest frame number of a page.</summary>
    public ulong GfnOf(int page) => _pageGfn[page];

    /// <summary>The machine frame backing a page.</summary>
    public int FrameOf(int page) => _pageFrame[page];

    /// <summary>How many guest pages map <paramref name="frame"/>; 0 for a freed frame.</summary>
    public int SharersOf(int frame) => _sharers[frame];

    /// <summary>Whether <paramref name="page"/> is mapped to the zero frame of the zero-page hack.</summary>
    public bool IsOnZeroFrame(int page) => _pageFrame[page] == _zeroFrame;

    /// <summary>A page's salt: pages merge only with pages of the same salt (its VM under salting, else 0).</summary>
    public int SaltOf(int page) => Settings.Salting ? _pageVm[page] : 0;

    /// <summary>Gets a page's content, if known (false for a page written since its last snapshot).</summary>
    public bool TryGetContent(int page, out PageContent content)
    {
        var frame = _pageFrame[page];
        content = _frameContent[frame];
        return _frameKnown[frame];
    }

    /// <summary>
    /// Sets page (<paramref name="vm"/>, <paramref name="gfn"/>) to what a snapshot shows, adding it if new. A page
    /// whose content changed moves to a frame of its own (the zero frame under the zero-page hack).
    /// </summary>
    /// <returns>What happened to the page.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vm"/> is negative.</exception>
    public PageUpdate SetContent(int vm, ulong gfn, PageContent content)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vm);
        if (!_pageIds.TryGetValue((vm, gfn), out var page))
        {
            AddPage(vm, gfn, content);
            return PageUpdate.Added;
        }

        var frame = _pageFrame[page];
        var known = _frameKnown[frame];
        if (known && _frameContent[frame] == content)
        {
            return PageUpdate.Unchanged;
        }

        var shared = _sharers[frame] >= 2;
        Detach(frame);
        _pageFrame[page] = FrameFor(vm, content);
        Attach(_pageFrame[page]);
        return !known ? PageUpdate.Refreshed : shared ? PageUpdate.SharedChanged : PageUpdate.Changed;
    }

    /// <summary>
    /// A guest write to page (<paramref name="vm"/>, <paramref name="gfn"/>): copy-on-write. See the remarks of
    /// <see cref="SharingSpace"/>.
    /// </summary>
    /// <returns>Whether the page is in the space (a write to any other page changes nothing).</returns>
    public bool Write(int vm, ulong gfn)
    {
        var page = FindPage(vm, gfn);
        if (page == NoPage)
        {
            return false;
        }

        WritePage(page);
        return true;
    }

    /// <summary>A guest write to <paramref name="page"/>, by id (<see cref="Write"/>).</summary>
    public void WritePage(int page)
    {
        var frame = _pageFrame[page];
        if (!_frameKnown[frame])
        {
            return;
        }

        if (_sharers[frame] >= 2)
        {
            CopyOnWriteBreaks++;
        }

        ForgetContent(page, frame);
    }

    /// <summary>
    /// <paramref name="page"/> is no longer mapped (its host swapped it out or its guest gave it up): it leaves its
    /// frame (a shared frame loses one sharer, without a copy-on-write break) and is unknown, so unmergeable, until
    /// <see cref="SetContent"/> maps it again.
    /// </summary>
    public void Unmap(int page)
    {
        var frame = _pageFrame[page];
        if (_frameKnown[frame])
        {
            ForgetContent(page, frame);
        }
    }

    /// <summary>
    /// Maps <paramref name="page"/> to <paramref name="frame"/> if their contents are equal (hash, then the full
    /// compare of <see cref="PageContent"/>), both are known, their salts match, and neither is the zero frame.
    /// The page's old frame loses a sharer (and is freed if that was its last).
    /// </summary>
    /// <returns>Whether the page was merged; false also when it already maps <paramref name="frame"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A page or frame id outside the space.</exception>
    public bool TryMerge(int page, int frame)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)page, (uint)_pageFrame.Count, nameof(page));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)frame, (uint)_sharers.Count, nameof(frame));
        var from = _pageFrame[page];
        if (from == frame || _sharers[frame] == 0 || from == _zeroFrame || frame == _zeroFrame
            || !_frameKnown[from] || !_frameKnown[frame] || _frameSalt[from] != _frameSalt[frame]
            || _frameContent[from] != _frameContent[frame])
        {
            return false;
        }

        Detach(from);
        _pageFrame[page] = frame;
        Attach(frame);
        Merges++;
        Observer?.Merged(page, from, frame);
        return true;
    }

    /// <summary>Moves <paramref name="page"/> off <paramref name="frame"/> to a frame of its own of unknown content.</summary>
    private void ForgetContent(int page, int frame)
    {
        Detach(frame);
        _pageFrame[page] = NewFrame(default, known: false, SaltOf(page));
        Attach(_pageFrame[page]);
    }

    private void AddPage(int vm, ulong gfn, PageContent content)
    {
        var page = _pageVm.Count;
        _pageVm.Add(vm);
        _pageGfn.Add(gfn);
        _pageIds.Add((vm, gfn), page);
        if (!_vms.TryGetValue(vm, out var pages))
        {
            _vms.Add(vm, pages = new VmPages());
            var at = _vmIds.BinarySearch(vm);
            _vmIds.Insert(~at, vm);
        }

        pages.Add(page, gfn);
        var frame = FrameFor(vm, content);
        _pageFrame.Add(frame);
        Attach(frame);
    }

    /// <summary>A frame for a page of <paramref name="vm"/> now showing <paramref name="content"/>.</summary>
    private int FrameFor(int vm, PageContent content)
    {
        if (!(Settings.ZeroPageSharing && content.IsZero))
        {
            return NewFrame(content, known: true, Settings.Salting ? vm : 0);
        }

        if (_zeroFrame < 0 || _sharers[_zeroFrame] == 0)
        {
            _zeroFrame = NewFrame(content, known: true, salt: 0);
        }

        return _zeroFrame;
    }

    private int NewFrame(PageContent content, bool known, int salt)
    {
        _sharers.Add(0);
        _frameContent.Add(content);
        _frameKnown.Add(known);
        _frameSalt.Add(salt);
        return _sharers.Count - 1;
    }

    /// <summary>One more page maps <paramref name="frame"/>; keeps the counters.</summary>
    private void Attach(int frame)
    {
        var sharers = ++CollectionsMarshal.AsSpan(_sharers)[frame];
        var zero = _frameKnown[frame] && _frameContent[frame].IsZero ? 1 : 0;
        if (!_frameKnown[frame])
        {
            _unknownPages++;
        }

        if (sharers == 1)
        {
            _framesInUse++;
        }
        else if (sharers == 2)
        {
            _pagesShared++;
            _pagesSharing++;
            _zeroPages += 2 * zero;
        }
        else
        {
            _pagesSharing++;
            _zeroPages += zero;
        }
    }

    /// <summary>One page fewer maps <paramref name="frame"/> (the caller remaps it); keeps the counters.</summary>
    private void Detach(int frame)
    {
        var sharers = --CollectionsMarshal.AsSpan(_sharers)[frame];
        var zero = _frameKnown[frame] && _frameContent[frame].IsZero ? 1 : 0;
        if (!_frameKnown[frame])
        {
            _unknownPages--;
        }

        if (sharers == 0)
        {
            _framesInUse--;
        }
        else if (sharers == 1)
        {
            _pagesShared--;
            _pagesSharing--;
            _zeroPages -= 2 * zero;
        }
        else
        {
            _pagesSharing--;
            _zeroPages -= zero;
        }
    }

    /// <summary>The pages of one VM in guest frame number order (sorted again when a page arrives out of it).</summary>
    private sealed class VmPages
    {
        private readonly List<int> _pages = [];
        private ulong _lastGfn;
        private bool _sorted = true;

        public void Add(int page, ulong gfn)
        {
            _sorted &= _pages.Count == 0 || gfn > _lastGfn;
            _lastGfn = gfn;
            _pages.Add(page);
        }

        public ReadOnlySpan<int> InGfnOrder(List<ulong> gfns)
        {
            if (!_sorted)
            {
                _pages.Sort((a, b) => gfns[a].CompareTo(gfns[b]));
                _lastGfn = gfns[_pages[^1]];
                _sorted = true;
            }

            return CollectionsMarshal.AsSpan(_pages);
        }
    }
}
