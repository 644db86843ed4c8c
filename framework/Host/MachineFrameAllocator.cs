namespace MemFw.Framework.Host;

/// <summary>
/// The host's machine frames (4 KiB) and who holds each: a VM, the hypervisor, the sharing of pages across VMs, the
/// RAM-backed backing stores, or nobody. The one owner of the
/// invariants "a frame is never handed out twice" and "frames add up to host RAM": every allocation and release goes
/// through here and is checked.
/// </summary>
public sealed class MachineFrameAllocator
{
    /// <summary>The owner of a free frame.</summary>
    public const int Free = -1;

    /// <summary>The owner of a frame the hypervisor holds (per-VM overhead).</summary>
    public const int Hypervisor = -2;

    /// <summary>
    /// The owner of a frame that backs guest pages merged by content-based sharing (possibly of several VMs), so no
    /// single VM holds it.
    /// </summary>
    public const int Shared = -3;

    /// <summary>The owner of a frame a RAM-backed backing store (compressed RAM, transcendent memory) holds.</summary>
    public const int Stores = -4;

    /// <summary>The host owners, each counted in <see cref="_hostOwned"/> at index -owner - 2.</summary>
    private static readonly int[] s_hostOwners = [Hypervisor, Shared, Stores];

    private readonly int[] _owner;
    private readonly int[] _freeStack;
    private readonly long[] _perVm;
    private readonly long[] _hostOwned = new long[s_hostOwners.Length];
    private int _freeCount;

    /// <summary>Creates a host of <paramref name="totalFrames"/> free frames for <paramref name="vmCount"/> VMs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the frames do not fit an int index.</exception>
    public MachineFrameAllocator(long totalFrames, int vmCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalFrames);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(totalFrames, int.MaxValue);
        ArgumentOutOfRangeException.ThrowIfNegative(vmCount);
        _owner = new int[totalFrames];
        Array.Fill(_owner, Free);
        _freeStack = new int[totalFrames];
        for (var i = 0; i < _freeStack.Length; i++)
        {
            // Frame 0 on top, so frames are handed out in ascending order from a fresh host.
            _freeStack[i] = _freeStack.Length - 1 - i;
        }

        _freeCount = _freeStack.Length;
        _perVm = new long[vmCount];
    }

    /// <summary>All frames of the host.</summary>
    public long TotalFrames => _owner.Length;

    /// <summary>Frames nobody holds.</summary>
    public long FreeFrames => _freeCount;

    /// <summary>Frames the hypervisor holds.</summary>
    public long HypervisorFrames => _hostOwned[HostIndex(Hypervisor)];

    /// <summary>Frames backing pages merged by sharing (<see cref="Shared"/>).</summary>
    public long SharedFrames => _hostOwned[HostIndex(Shared)];

    /// <summary>Frames the RAM-backed backing stores hold (<see cref="Stores"/>).</summary>
    public long StoreFrames => _hostOwned[HostIndex(Stores)];

    /// <summary>Frames VM <paramref name="vm"/> holds.</summary>
    public long FramesOf(int vm) => _perVm[vm];

    /// <summary>Who holds <paramref name="frame"/>: a VM id, a host owner or <see cref="Free"/>.</summary>
    public int OwnerOf(int frame) => _owner[frame];

    /// <summary>
    /// Takes a free frame for <paramref name="owner"/> (a VM id, <see cref="Hypervisor"/>, <see cref="Shared"/> or
    /// <see cref="Stores"/>).
    /// </summary>
    /// <returns>The frame, or -1 when the host has no free frame (the caller must reclaim first).</returns>
    public int TryAllocate(int owner)
    {
        if ((uint)owner >= (uint)_perVm.Length && (uint)HostIndex(owner) >= (uint)s_hostOwners.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(owner), owner, "expected a VM id or a host owner");
        }

        if (_freeCount == 0)
        {
            return -1;
        }

        var frame = _freeStack[--_freeCount];
        _owner[frame] = owner;
        Count(owner, +1);
        return frame;
    }

    /// <summary>Returns <paramref name="frame"/>, held by <paramref name="owner"/>, to the free pool.</summary>
    /// <exception cref="InvalidOperationException">The frame is free already or held by someone else.</exception>
    public void Release(int frame, int owner)
    {
        if (_owner[frame] != owner || owner == Free)
        {
            throw new InvalidOperationException(
                $"frame {frame} released by {Describe(owner)} but held by {Describe(_owner[frame])}");
        }

        _owner[frame] = Free;
        _freeStack[_freeCount++] = frame;
        Count(owner, -1);
    }

    /// <summary>Hands <paramref name="frame"/> from <paramref name="from"/> to <paramref name="to"/> without freeing it.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="from"/> does not hold the frame.</exception>
    public void Transfer(int frame, int from, int to)
    {
        if (_owner[frame] != from || from == Free || to == Free)
        {
            throw new InvalidOperationException(
                $"frame {frame} handed from {Describe(from)} to {Describe(to)} but held by {Describe(_owner[frame])}");
        }

        _owner[frame] = to;
        Count(from, -1);
        Count(to, +1);
    }

    /// <summary>Checks that every frame is accounted once: free + every host owner's + every VM's frames = total.</summary>
    /// <exception cref="InvalidOperationException">The accounts disagree with the frame owners.</exception>
    public void CheckInvariants()
    {
        var perVm = new long[_perVm.Length];
        var host = new long[s_hostOwners.Length];
        long free = 0;
        foreach (var owner in _owner)
        {
            if (owner == Free)
            {
                free++;
            }
            else if (owner >= 0)
            {
                perVm[owner]++;
            }
            else
            {
                host[HostIndex(owner)]++;
            }
        }

        if (free != _freeCount || !host.AsSpan().SequenceEqual(_hostOwned) || !perVm.AsSpan().SequenceEqual(_perVm))
        {
            throw new InvalidOperationException(
                $"frame accounts disagree: {free} free frames found, {_freeCount} counted; host owners' frames found "
                + $"[{string.Join(", ", host)}], counted [{string.Join(", ", _hostOwned)}]");
        }
    }

    private static int HostIndex(int owner) => -owner - 2;

    private void Count(int owner, int delta)
    {
        if (owner >= 0)
        {
            _perVm[owner] += delta;
        }
        else
        {
            _hostOwned[HostIndex(owner)] += delta;
        }
    }

    private static string Describe(int owner) => owner switch
    {
        Free => "nobody",
        Hypervisor => "the hypervisor",
        Shared => "sharing",
        Stores => "the backing stores",
        _ => $"VM {owner}",
    };
}
