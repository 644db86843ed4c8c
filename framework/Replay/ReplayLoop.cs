using System.Runtime.CompilerServices;
using MemFw.Framework.Replacement;

namespace MemFw.Framework.Replay;

/// <summary>
/// The per-access loop of a single-VM-pool replay, generic over the policy so that the JIT compiles one copy per
/// policy struct and the policy's calls are direct and inlinable: no interface or virtual call, allocation, boxing
/// or dictionary lookup per access.
/// </summary>
internal static class ReplayLoop
{
    /// <summary>Replays <paramref name="form"/> through <paramref name="policy"/> over the frames of <paramref name="frames"/>.</summary>
    public static ReplayResult Run<TPolicy>(ref TPolicy policy, string name, ReplayForm form, FrameTable frames,
        ReplaySettings settings)
        where TPolicy : struct, IReplacementPolicy
    {
        var pageFrame = new int[form.PageCount];
        Array.Fill(pageFrame, FrameTable.NoPage);
        var seen = new bool[form.PageCount];
        var pages = frames.Pages;
        var accessed = frames.Accessed;
        var dirty = frames.Dirty;
        var frameCount = pages.Length;
        var free = 0;
        var events = new EventClock(settings, form.AccessCount);
        var c = default(ReplayCounters);
        var position = 0L;

        using var reader = form.OpenReader();
        for (var block = reader.ReadBlock(); !block.IsEmpty; block = reader.ReadBlock())
        {
            foreach (var entry in block)
            {
                var page = (int)(entry >> 1);
                var write = (entry & 1) != 0;
                var frame = pageFrame[page];
                if (frame >= 0)
                {
                    c.Hits++;
                    accessed[frame] = true;
                    if (write)
                    {
                        dirty[frame] = true;
                    }

                    policy.OnHit(frame, write);
                }
                else
                {
                    c.Faults++;
                    if (!seen[page])
                    {
                        seen[page] = true;
                        c.FirstTouchFaults++;
                    }

                    if (free < frameCount)
                    {
                        frame = free++;
                    }
                    else
                    {
                        frame = policy.SelectVictim(page);
                        if ((uint)frame >= (uint)frameCount || pages[frame] == FrameTable.NoPage)
                        {
                            ThrowBadVictim(name, frame, frameCount);
                        }

                        pageFrame[pages[frame]] = FrameTable.NoPage;
                        c.Evictions++;
                        if (dirty[frame])
                        {
                            c.WriteBacks++;
                        }
                    }

                    pages[frame] = page;
                    pageFrame[page] = frame;
                    accessed[frame] = true;
                    dirty[frame] = write;
                    policy.OnInsert(frame, write);
                }

                if (++position == events.Next)
                {
                    c.Accesses = position;
                    c.WriteBacks += frames.CleaningWriteBacks - events.CleaningSeen;
                    events.CleaningSeen = frames.CleaningWriteBacks;
                    events.Fire(ref policy, position, c);
                }
            }
        }

        c.Accesses = position;
        c.WriteBacks += frames.CleaningWriteBacks - events.CleaningSeen;
        return events.Finish(name, form, frames.Count, c);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadVictim(string name, int frame, int frameCount) =>
        throw new InvalidOperationException(
            $"replacement policy '{name}' chose frame {frame} as victim; expected an occupied frame 0..{frameCount - 1}");
}
