using MemFw.Framework.Host;

namespace MemFw.Plugins.Tests.Host.WorkingSet;

/// <summary>A probe over accesses replayed one by one: it remembers each guest page's last access time.</summary>
internal sealed class TraceProbe(long pages) : IWorkingSetProbe
{
    private readonly long[] _lastAccess = Enumerable.Repeat(-1L, checked((int)pages)).ToArray();

    public long Now { get; private set; }

    /// <summary>Replays one access to <paramref name="gfn"/> at time <see cref="Now"/>.</summary>
    public void Access(long gfn) => _lastAccess[gfn] = Now++;

    public bool TouchedSince(long gfn, long time) => _lastAccess[gfn] >= time;

    public long CountTouchedSince(long time) => _lastAccess.Count(t => t >= time);
}
