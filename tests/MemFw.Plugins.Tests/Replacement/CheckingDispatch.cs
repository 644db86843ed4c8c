using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

/// <summary>
/// What <see cref="CheckingDispatch"/> saw: victims, victims that were not an occupied frame, calls out of the
/// contract's sequences (the engine's side), and, when asked, the pages chosen.
/// </summary>
internal sealed class ContractChecks(FrameTable frames, bool record = false)
{
    private int _removing = FrameTable.NoPage;

    /// <summary>Whether each frame was occupied when the policy last heard of it.</summary>
    private readonly bool[] _occupied = new bool[frames.Count];

    /// <summary>The driver's capacity, kept equal to it by the harness: a victim for a fault is asked at it.</summary>
    public int Capacity { get; set; } = frames.Count;

    /// <summary>Removals the engine chose: <see cref="IReplacementPolicy.OnRemove"/> with no victim asked for.</summary>
    public long EngineRemovals { get; private set; }

    /// <summary>Victims chosen, for faults and removals.</summary>
    public long Victims { get; private set; }

    /// <summary>Victims out of range or empty.</summary>
    public long BadVictims { get; private set; }

    /// <summary>Calls the engine made out of the contract's sequences.</summary>
    public long OutOfSequence { get; private set; }

    /// <summary>Dense ids of the pages evicted at faults, in order (when recording).</summary>
    public List<int> Evicted { get; } = [];

    /// <summary>Dense ids of the pages removed, in order (when recording).</summary>
    public List<int> Removed { get; } = [];

    /// <summary>A victim was asked for <paramref name="page"/> (or none); <paramref name="victim"/> came.</summary>
    public void Victim(int page, int victim)
    {
        Victims++;
        var removal = page == FrameTable.NoPage;
        if (_removing != FrameTable.NoPage || (!removal && Occupied() < Capacity))
        {
            OutOfSequence++;
        }

        if ((uint)victim >= (uint)frames.Count || frames.PageOf(victim) == FrameTable.NoPage)
        {
            BadVictims++;
            return;
        }

        if (removal)
        {
            _removing = victim;
        }

        if (record)
        {
            (removal ? Removed : Evicted).Add(frames.PageOf(victim));
        }
    }

    /// <summary>A page was placed in <paramref name="frame"/>.</summary>
    public void Inserted(int frame)
    {
        if (_removing != FrameTable.NoPage || frames.PageOf(frame) == FrameTable.NoPage)
        {
            OutOfSequence++;
        }

        _occupied[frame] = true;
    }

    /// <summary>
    /// <paramref name="frame"/> was left empty: the victim of a reclaim, or an occupied frame the engine chose.
    /// </summary>
    public void Removing(int frame)
    {
        var engineChosen = _removing == FrameTable.NoPage && _occupied[frame];
        if ((frame != _removing && !engineChosen) || frames.PageOf(frame) != FrameTable.NoPage
            || frames.IsAccessed(frame) || frames.IsDirty(frame))
        {
            OutOfSequence++;
        }

        EngineRemovals += engineChosen ? 1 : 0;
        _occupied[frame] = false;
        _removing = FrameTable.NoPage;
    }

    private int Occupied()
    {
        var occupied = 0;
        for (var frame = 0; frame < frames.Count; frame++)
        {
            occupied += frames.PageOf(frame) == FrameTable.NoPage ? 0 : 1;
        }

        return occupied;
    }
}

/// <summary>Passes calls through to <paramref name="policy"/>, reporting each to <paramref name="checks"/>.</summary>
internal readonly struct CheckingDispatch(IReplacementPolicy policy, ContractChecks checks) : IReplacementPolicy
{
    public void OnHit(int frame, bool write) => policy.OnHit(frame, write);

    public void OnInsert(int frame, bool write)
    {
        checks.Inserted(frame);
        policy.OnInsert(frame, write);
    }

    public int SelectVictim(int page)
    {
        var victim = policy.SelectVictim(page);
        checks.Victim(page, victim);
        return victim;
    }

    public void OnRemove(int frame)
    {
        checks.Removing(frame);
        policy.OnRemove(frame);
    }

    public void OnTick() => policy.OnTick();
}
