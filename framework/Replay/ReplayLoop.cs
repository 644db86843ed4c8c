using MemFw.Framework.Replacement;

namespace MemFw.Framework.Replay;

/// <summary>
/// The per-access loop of a single-VM-pool replay, generic over the policy so that the JIT compiles one copy per
/// policy struct and the policy's calls are direct and inlinable: no interface or virtual call, allocation, boxing
/// or dictionary lookup per access. Hits, faults and evictions are <see cref="ReplacementDriver{TPolicy}"/>'s; the
/// loop reads the form and fires the events.
/// </summary>
internal static class ReplayLoop
{
    /// <summary>Replays <paramref name="form"/> through <paramref name="policy"/> over the frames of <paramref name="frames"/>.</summary>
    public static ReplayResult Run<TPolicy>(ref TPolicy policy, string name, ReplayForm form, FrameTable frames,
        ReplaySettings settings)
        where TPolicy : struct, IReplacementPolicy
    {
        var driver = new ReplacementDriver<TPolicy>(policy, name, frames, form.PageCount);
        var events = new EventClock(settings, form.AccessCount);
        var position = 0L;

        using (var reader = form.OpenReader())
        {
            for (var block = reader.ReadBlock(); !block.IsEmpty; block = reader.ReadBlock())
            {
                foreach (var entry in block)
                {
                    driver.Access((int)(entry >> 1), (entry & 1) != 0);
                    if (++position == events.Next)
                    {
                        events.Fire(ref driver.Policy, position, driver.Counters);
                    }
                }
            }
        }

        policy = driver.Policy;
        return events.Finish(name, form, frames.Count, driver.Counters);
    }
}
