namespace MemFw.Framework.Host;

/// <summary>
/// The host's machine frames (4 KiB) and who holds each: a VM, the hypervisor, or nobody. The one owner of the
/// invariants "a frame is never handed out twice" and "frames add up to host RAM": every allocation and release goes
/// through here and is checked.
/// </summary>
public sealed class MachineFrameAllocator
{
    /// <summary>The owner of a free frame.</summary>
    public const int Free = -1;

    /// <summary>The owner of a frame the hypervisor holds (per-VM overhead).</summary>
    public const int Hypervisor = -2;

    private readonly int[] _owner;
    private readonly int[] _freeStack;
    private readonly long[] _perVm;
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
    public long HypervisorFrames { get; private set; }

    /// <summary>Frames VM <paramref name="vm"/> holds.</summary>
    public long FramesOf(int vm) => _perVm[vm];

    /// <summary>Who holds <paramref name="frame"/>: a VM id, <see cref="Hypervisor"/> or <see cref="Free"/>.</summary>
    public int OwnerOf(int frame) => _owner[frame];

    /// <summary>Takes a free frame for <paramref name="owner"/> (a VM id or <see cref="Hypervisor"/>).</summary>
    /// <returns>The frame, or -1 when the host has no free frame (the caller must reclaim first).</returns>
    public int TryAllocate(int owner)
    {
        if (owner != Hypervisor && (uint)owner >= (uint)_perVm.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(owner), owner, "expected a VM id or Hypervisor");
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

    /// <summary>Checks that every frame is accounted once: free + hypervisor + every VM's frames = total.</summary>
    /// <exception cref="InvalidOperationException">The accounts disagree with the frame owners.</exception>
    public void CheckInvariants()
    {
        var perVm = new long[_perVm.Length];
        long free = 0, hypervisor = 0;
        foreach (var owner in _owner)
        {
            switch (owner)
            {
                case Free:
                    free++;
                    break;
                case Hypervisor:
                    hypervisor++;
                    break;
                default:
                    perVm[owner]++;
                    break;
            }
        }

        if (free != _freeCount || hypervisor != HypervisorFrames || !perVm.AsSpan().SequenceEqual(_perVm))
        {
            throw new InvalidOperationException(
                $"frame accounts disagree: {free} free frames found, {_freeCount} counted; {hypervisor} hypervisor " +
                $"frames found, {HypervisorFrames} counted");
        }
    }

    private void Count(int owner, int delta)
    {
        if (owner == Hypervisor)
        {
            HypervisorFrames += delta;
        }
        else
        {
            _perVm[owner] += delta;
        }
    }

    private static string Describe(int owner) => owner switch
    {
        Free => "nobody",
        Hypervisor => "the hypervisor",
        _ => $"VM {owner}",
    };
}
