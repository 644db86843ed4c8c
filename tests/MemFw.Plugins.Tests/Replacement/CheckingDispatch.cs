using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

/// <summary>
/// What <see cref="CheckingDispatch"/> saw: victims, victims that were not an occupied frame, calls out of the
/// contract's sequences (the engine's side), and, when asked, the pages chosen.
/// </summary>
internal sealed class ContractChecks(FrameTable frames, bool record = false)
{
    private int _removing = FrameTable.NoPage;

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
        if (_removing != FrameTable.NoPage || (!removal && HasEmptyFrame()))
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
    }

    /// <summary><paramref name="frame"/> was left empty.</summary>
    public void Removing(int frame)
    {
        if (frame != _removing || frames.PageOf(frame) != FrameTable.NoPage || frames.IsAccessed(frame)
            || frames.IsDirty(frame))
        {
            OutOfSequence++;
        }

        _removing = FrameTable.NoPage;
    }

    private bool HasEmptyFrame()
    {
        for (var frame = 0; frame < frames.Count; frame++)
        {
            if (frames.PageOf(frame) == FrameTable.NoPage)
            {
                return true;
            }
        }

        return false;
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
