using MemFw.Framework.Content.Compression;
using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host.Scenarios;
using MemFw.Traces.Format;

namespace MemFw.Framework.Host.Engine;

/// <summary>
/// The contents of the VMs' pages on a host run, and what the host does with them: content-based sharing of resident
/// pages (a scanner and the zero-page hack over a <see cref="SharingSpace"/>, with the machine frames that merging
/// frees) and the compressed size of a page a backing store keeps. docs/sharing.md describes the model.
/// </summary>
/// <remarks>
/// <para>
/// A page's content is known from its VM's start snapshot (<see cref="HostForm.Contents"/>) until the trace first
/// writes it; from then on it is unknown: it is never merged again and compresses as an incompressible page.
/// </para>
/// <para>
/// Only resident pages are mapped in the space: a page that becomes resident with known content is set to it (all
/// zero pages go to the zero frame under the zero-page hack), a page that leaves residency is unmapped. Machine frames:
/// a page on its own space frame holds a frame of its VM; a space frame that two pages have shared (or the zero
/// frame) is backed by one frame owned by <see cref="MachineFrameAllocator.Shared"/> for as long as any page maps it,
/// and its pages hold no frame of their own. So a merge frees the merged page's frame; a write (copy-on-write), a
/// swap-out or a balloon taking a shared page frees nothing unless it was the frame's last page.
/// </para>
/// <para>
/// Nothing here runs per access except <see cref="FirstWrite"/>, once per page.
/// </para>
/// </remarks>
internal sealed class HostContent : ISharingObserver
{
    private readonly MachineFrameAllocator _allocator;
    private readonly PageContent?[][] _contents;
    private readonly long[][] _guestFrames;
    private readonly bool[][] _known;
    private readonly int[][] _spacePage;
    private readonly IContentPages[] _vms;
    private readonly ICompressionCodec? _codec;
    private readonly byte[] _compressBuffer;
    private readonly Dictionary<PageContent, int> _compressedSizes = [];

    /// <summary>Space page id to the VM-local page id (the VM is the space's <see cref="SharingSpace.VmOf"/>).</summary>
    private readonly List<int> _localOf = [];

    /// <summary>The reference page of each patched page (Difference Engine), both as (VM, page).</summary>
    private readonly Dictionary<(int Vm, int Page), (int Vm, int Page)> _referenceOf = [];

    /// <summary>How many live patches each reference page serves.</summary>
    private readonly Dictionary<(int Vm, int Page), int> _referenceUses = [];

    /// <summary>The machine frame backing each shared space frame.</summary>
    private readonly Dictionary<int, int> _backing = [];

    /// <summary>The space page whose own machine frame backs each unshared space frame (its creator).</summary>
    private readonly Dictionary<int, int> _holder = [];

    /// <summary>Scan time accumulated and not yet spent on whole scan periods.</summary>
    private TimeSpan _scanBudget;

    private long _mergesBefore;
    private long _breaksBefore;
    private ScannerCounters _scannerBefore;

    /// <summary>Creates the content model of a run.</summary>
    /// <param name="config">The host's sharing switches.</param>
    /// <param name="form">The run's form: start contents and guest frames.</param>
    /// <param name="allocator">The host's frames.</param>
    /// <param name="vms">The VMs, by index.</param>
    /// <param name="scanner">The sharing scanner, or null.</param>
    /// <param name="codec">The codec that sizes compressed pages, or null to size every page at 4096 bytes.</param>
    public HostContent(SharingConfig config, HostForm form, MachineFrameAllocator allocator, IContentPages[] vms,
        ISharingScanner? scanner, ICompressionCodec? codec)
    {
        _allocator = allocator;
        _contents = form.Contents;
        _guestFrames = form.GuestFrames;
        _vms = vms;
        _codec = codec;
        _compressBuffer = new byte[codec?.MaxCompressedLength(TraceFormat.PageSize) ?? 0];
        _known = [.. _contents.Select(c => c.Select(p => p is not null).ToArray())];
        _spacePage = [.. _contents.Select(c => Enumerable.Repeat(SharingSpace.NoPage, c.Length).ToArray())];
        Scanner = scanner;
        if (config.Enabled)
        {
            Space = new SharingSpace(new SharingSettings { ZeroPageSharing = config.ZeroPages, Salting = config.Salting })
            {
                Observer = this,
            };
        }
    }

    /// <summary>The space of resident pages, or null when nothing is shared.</summary>
    public SharingSpace? Space { get; }

    /// <summary>The scanner, or null.</summary>
    public ISharingScanner? Scanner { get; }

    /// <summary>The per-page "content known" flags of a VM, for its per-access write check.</summary>
    public bool[] KnownFlags(int vm) => _known[vm];

    /// <summary>Runs the scanner for <paramref name="time"/> more of scan time (whole periods; the rest carries over).</summary>
    public void Scan(TimeSpan time)
    {
        if (Scanner is null || Space is null)
        {
            return;
        }

        _scanBudget += time;
        while (_scanBudget >= Scanner.Period)
        {
            _scanBudget -= Scanner.Period;
            Scanner.Scan(Space);
        }
    }

    /// <summary>
    /// Page <paramref name="page"/> of VM <paramref name="vm"/> became resident, holding a machine frame of its VM: maps
    /// it in the space when its content is known. A page that maps the zero frame gives its own frame up
    /// (<see cref="IContentPages.TakeOwnFrame"/>).
    /// </summary>
    public void Mapped(int vm, int page)
    {
        if (Space is null || !_known[vm][page])
        {
            return;
        }

        var gfn = (ulong)_guestFrames[vm][page];
        var update = Space.SetContent(vm, gfn, _contents[vm][page]!.Value);
        var spacePage = _spacePage[vm][page];
        if (update == PageUpdate.Added)
        {
            spacePage = _spacePage[vm][page] = Space.FindPage(vm, gfn);
            _localOf.Add(page);
        }

        var frame = Space.FrameOf(spacePage);
        if (Space.IsOnZeroFrame(spacePage))
        {
            JoinShared(frame, vm, _vms[vm].TakeOwnFrame(page));
        }
        else
        {
            _holder[frame] = spacePage;
        }
    }

    /// <summary>
    /// Page <paramref name="page"/> of VM <paramref name="vm"/> is no longer resident (its own frame, if it had one, is
    /// already released): it leaves the space, and a shared frame it was the last page of goes back to the host.
    /// </summary>
    /// <returns>Whether the page mapped a shared frame.</returns>
    public bool Unmapped(int vm, int page)
    {
        if (Space is null || _spacePage[vm][page] is not (var spacePage and >= 0))
        {
            return false;
        }

        var frame = Space.FrameOf(spacePage);
        var shared = _backing.ContainsKey(frame);
        Space.Unmap(spacePage);
        LeftFrame(frame);
        return shared;
    }

    /// <summary>
    /// The trace's first write to page <paramref name="page"/> of VM <paramref name="vm"/>: its content is unknown from
    /// now on, and a shared page is copied (the caller gives it a frame of its own when this returns true).
    /// </summary>
    /// <returns>
    /// Whether the page shared its frame with others and now needs a copy of its own; the last page of a shared frame
    /// takes that frame as its own.
    /// </returns>
    public bool FirstWrite(int vm, int page)
    {
        _known[vm][page] = false;
        if (Space is null || _spacePage[vm][page] is not (var spacePage and >= 0))
        {
            return false;
        }

        var frame = Space.FrameOf(spacePage);
        var backed = _backing.TryGetValue(frame, out var machine);
        var copy = backed && Space.SharersOf(frame) >= 2;
        Space.WritePage(spacePage);
        if (backed && !copy)
        {
            // The shared frame's last page keeps it: no copy is needed.
            _backing.Remove(frame);
            _allocator.Transfer(machine, MachineFrameAllocator.Shared, vm);
            _vms[vm].GiveOwnFrame(page, machine);
        }

        LeftFrame(frame);
        return copy;
    }

    /// <summary>
    /// Times a page that served as the reference of a live patch left memory whole or was written: Difference Engine
    /// keeps such a page (a frame each) so that its patches can be rebuilt, which the model does not count [U].
    /// </summary>
    public long ReferencesLost { get; private set; }

    /// <summary>Whether page <paramref name="page"/> of VM <paramref name="vm"/> is a live patch's reference.</summary>
    public bool IsReference(int vm, int page) => _referenceUses.ContainsKey((vm, page));

    /// <summary>Page <paramref name="page"/> of VM <paramref name="vm"/> is now a patch against <paramref name="reference"/>.</summary>
    public void PatchedAgainst(int vm, int page, (int Vm, int Page) reference)
    {
        _referenceOf[(vm, page)] = reference;
        _referenceUses[reference] = _referenceUses.GetValueOrDefault(reference) + 1;
    }

    /// <summary>The patch of page <paramref name="page"/> of VM <paramref name="vm"/> is gone (rebuilt or freed).</summary>
    public void PatchDropped(int vm, int page)
    {
        // A reference already lost (it left memory) is no longer counted.
        if (_referenceOf.Remove((vm, page), out var reference) && _referenceUses.TryGetValue(reference, out var uses))
        {
            if (uses == 1)
            {
                _referenceUses.Remove(reference);
            }
            else
            {
                _referenceUses[reference] = uses - 1;
            }
        }
    }

    /// <summary>
    /// The whole copy of page <paramref name="page"/> of VM <paramref name="vm"/> goes (it leaves memory or is written):
    /// counted in <see cref="ReferencesLost"/> if live patches were made against it.
    /// </summary>
    public void LeavesWhole(int vm, int page)
    {
        if (_referenceUses.Remove((vm, page)))
        {
            ReferencesLost++;
        }
    }

    /// <summary>Gets the bytes and hash of page <paramref name="page"/> of VM <paramref name="vm"/>, if known and stored.</summary>
    public bool TryGetBytes(int vm, int page, out ReadOnlyMemory<byte> bytes, out ulong hash)
    {
        var content = _known[vm][page] ? _contents[vm][page]!.Value : default;
        (bytes, hash) = (content.BytesMemory, content.Hash);
        return !bytes.IsEmpty;
    }

    /// <summary>The bytes page <paramref name="page"/> of VM <paramref name="vm"/> compresses to; 4096 when unknown.</summary>
    public int CompressedBytes(int vm, int page)
    {
        if (_codec is null || !_known[vm][page])
        {
            return TraceFormat.PageSize;
        }

        var content = _contents[vm][page]!.Value;
        if (!content.HasBytes && !content.IsZero)
        {
            return TraceFormat.PageSize;
        }

        if (!_compressedSizes.TryGetValue(content, out var size))
        {
            var bytes = content.IsZero ? new byte[TraceFormat.PageSize] : content.Bytes;
            size = Math.Min(TraceFormat.PageSize, _codec.Compress(bytes, _compressBuffer));
            _compressedSizes.Add(content, size);
        }

        return size;
    }

    /// <summary>Counting starts: merges, breaks and scans before this (a snapshot start's warm-up) are not reported.</summary>
    public void StartMeasuring()
    {
        _mergesBefore = Space?.Merges ?? 0;
        _breaksBefore = Space?.CopyOnWriteBreaks ?? 0;
        _scannerBefore = Scanner?.Counters ?? default;
    }

    /// <summary>Resident pages of VM <paramref name="vm"/> on a shared all-zero frame.</summary>
    public long ZeroPagesOf(int vm)
    {
        var count = 0L;
        foreach (var page in Space is null ? [] : Space.PagesOf(vm))
        {
            count += Space!.IsOnZeroFrame(page) && Space.SharersOf(Space.FrameOf(page)) >= 2 ? 1 : 0;
        }

        return count;
    }

    /// <summary>The sharing figures now.</summary>
    /// <param name="scanner">The scanner's label.</param>
    /// <param name="scanPageMicroseconds">The CPU cost of hashing one page.</param>
    public SharingResult Result(string scanner, double scanPageMicroseconds)
    {
        var counters = Space?.Counters ?? default;
        var scanned = (Scanner?.Counters.PagesScanned ?? 0) - _scannerBefore.PagesScanned;
        return new SharingResult
        {
            Scanner = Scanner is null ? "none" : scanner,
            ZeroPageHack = Space?.Settings.ZeroPageSharing ?? false,
            Salting = Space?.Settings.Salting ?? false,
            PagesShared = counters.PagesShared,
            PagesSharing = counters.PagesSharing,
            ZeroPages = counters.ZeroPages,
            ZeroSaved = ZeroFramesSaved(),
            SharedFrames = _allocator.SharedFrames,
            Merges = (Space?.Merges ?? 0) - _mergesBefore,
            CopyOnWriteBreaks = (Space?.CopyOnWriteBreaks ?? 0) - _breaksBefore,
            PagesScanned = scanned,
            FullScans = (Scanner?.Counters.FullScans ?? 0) - _scannerBefore.FullScans,
            ScanMicroseconds = scanned * scanPageMicroseconds,
        };
    }

    /// <summary>Checks the shared frames against the allocator (tests).</summary>
    public void CheckInvariants()
    {
        if (Space is not null && _allocator.SharedFrames != _backing.Count)
        {
            throw new InvalidOperationException(
                $"{_backing.Count} shared space frames are backed, but sharing holds {_allocator.SharedFrames} frames");
        }

        foreach (var frame in _backing.Keys)
        {
            if (Space!.SharersOf(frame) == 0)
            {
                throw new InvalidOperationException($"space frame {frame} has no page but keeps its machine frame");
            }
        }
    }

    /// <inheritdoc/>
    void ISharingObserver.Merged(int page, int fromFrame, int toFrame)
    {
        var space = Space!;
        if (!_backing.ContainsKey(toFrame))
        {
            // The frame's one page (its creator) held it as its own: it becomes the shared frame.
            _holder.Remove(toFrame, out var holder);
            var holderVm = space.VmOf(holder);
            JoinShared(toFrame, holderVm, _vms[holderVm].TakeOwnFrame(_localOf[holder]));
        }

        if (!_backing.ContainsKey(fromFrame))
        {
            var vm = space.VmOf(page);
            _allocator.Release(_vms[vm].TakeOwnFrame(_localOf[page]), vm);
        }

        LeftFrame(fromFrame);
    }

    /// <summary>
    /// A page of <paramref name="vm"/> gave up <paramref name="machine"/> (still held by the VM) to map shared
    /// <paramref name="frame"/>: the machine frame goes back to the host, or becomes the shared frame's backing.
    /// </summary>
    private void JoinShared(int frame, int vm, int machine)
    {
        if (_backing.TryAdd(frame, machine))
        {
            _allocator.Transfer(machine, vm, MachineFrameAllocator.Shared);
        }
        else
        {
            _allocator.Release(machine, vm);
        }
    }

    /// <summary>Frames saved by all-zero content: pages on shared zero frames beyond each frame's first.</summary>
    private long ZeroFramesSaved()
    {
        if (Space is null)
        {
            return 0;
        }

        var frames = new HashSet<int>();
        for (var page = 0; page < Space.PageCount; page++)
        {
            var frame = Space.FrameOf(page);
            if (Space.SharersOf(frame) >= 2 && Space.TryGetContent(page, out var content) && content.IsZero)
            {
                frames.Add(frame);
            }
        }

        return Space.Counters.ZeroPages - frames.Count;
    }

    /// <summary>A page left space frame <paramref name="frame"/>: a shared frame with no page left is freed.</summary>
    private void LeftFrame(int frame)
    {
        if (Space!.SharersOf(frame) > 0)
        {
            return;
        }

        _holder.Remove(frame);
        if (_backing.Remove(frame, out var machine))
        {
            _allocator.Release(machine, MachineFrameAllocator.Shared);
        }
    }
}
