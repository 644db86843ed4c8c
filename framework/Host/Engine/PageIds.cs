using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Replay;

namespace MemFw.Framework.Host.Engine;

/// <summary>
/// Dense page ids of a <see cref="HostForm"/>: a host id for every (VM, guest frame) as it first appears, and within
/// each VM a local id in order of appearance.
/// </summary>
internal sealed class PageIds(int vmCount)
{
    /// <summary>The most host pages a form holds: ids must leave the entry's low bit for the write flag.</summary>
    public const int MaxPages = int.MaxValue >> 1;

    private readonly List<HostPage> _pages = [];
    private readonly Dictionary<long, int>[] _ids = [.. Enumerable.Range(0, vmCount).Select(_ => new Dictionary<long, int>())];
    private readonly List<long>[] _frames = [.. Enumerable.Range(0, vmCount).Select(_ => new List<long>())];

    /// <summary>Host pages so far.</summary>
    public int Count => _pages.Count;

    /// <summary>Host page id to VM and local id.</summary>
    public HostPage[] Pages => [.. _pages];

    /// <summary>Each VM's guest frame numbers by local id.</summary>
    public long[][] GuestFrames => [.. _frames.Select(f => f.ToArray())];

    /// <summary>Whether (<paramref name="vm"/>, <paramref name="gfn"/>) has an id.</summary>
    public bool Contains(int vm, long gfn) => _ids[vm].ContainsKey(gfn);

    /// <summary>The host id of (<paramref name="vm"/>, <paramref name="gfn"/>), assigned at its first appearance.</summary>
    public int Id(int vm, long gfn)
    {
        if (!_ids[vm].TryGetValue(gfn, out var id))
        {
            id = _pages.Count;
            _ids[vm].Add(gfn, id);
            _pages.Add(new HostPage(vm, _frames[vm].Count));
            _frames[vm].Add(gfn);
        }

        return id;
    }

    /// <summary>
    /// Emits a read of every page of each VM's snapshot, the VMs side by side: round i reads the i-th page (in guest
    /// frame order) of every VM that has one, as VMs that run at once fill their memory together.
    /// </summary>
    public void Preload(IReadOnlyList<StartSnapshot?> snapshots, Action<uint> emit)
    {
        var rounds = snapshots.Max(s => s?.Pages.Count ?? 0);
        for (var round = 0; round < rounds; round++)
        {
            for (var vm = 0; vm < snapshots.Count; vm++)
            {
                if (snapshots[vm] is { } snapshot && round < snapshot.Pages.Count)
                {
                    emit(ReplayForm.Entry(Id(vm, snapshot.Pages[round].Gfn), write: false));
                }
            }
        }
    }

    /// <summary>Each VM's start content by local id, from its snapshot.</summary>
    public PageContent?[][] ContentsOf(IReadOnlyList<StartSnapshot?> snapshots)
    {
        var contents = new PageContent?[_frames.Length][];
        for (var vm = 0; vm < contents.Length; vm++)
        {
            contents[vm] = new PageContent?[_frames[vm].Count];
            foreach (var (gfn, content) in snapshots[vm]?.Pages ?? [])
            {
                if (_ids[vm].TryGetValue(gfn, out var id))
                {
                    contents[vm][_pages[id].Local] = content;
                }
            }
        }

        return contents;
    }
}
