using MemFw.Framework.Host;

namespace MemFw.Plugins.Tests.Host;

/// <summary>Builds the engine's views (whose setters are internal) for host policy tests.</summary>
internal static class HostViews
{
    public static VmView Vm(int id, long memory = 1000, long granted = 0, long guarantee = 0, long active = 0,
        int shares = 1000, bool balloon = true, long touched = 0, long ballooned = 0, long balloonTarget = 0,
        long? limit = null) => new()
        {
            Id = id,
            Name = $"vm{id}",
            Shares = shares,
            MemoryPages = memory,
            GuaranteePages = guarantee,
            LimitPages = limit ?? memory,
            MaxMemPages = memory,
            HasBalloon = balloon,
            GrantedPages = granted,
            ActivePages = active,
            TouchedPages = touched,
            BalloonPages = ballooned,
            BalloonTargetPages = balloonTarget,
        };

    public static HostView Host(long total = 10_000, long hypervisor = 0, long free = 0,
        PressureState state = PressureState.Soft) => new()
        {
            TotalFrames = total,
            HypervisorFrames = hypervisor,
            FreeFrames = free,
            State = state,
        };

    /// <summary>
    /// Up to <paramref name="maxCount"/> VMs with random quotas and usage: sizes up to <paramref name="maxMemory"/>
    /// pages, guarantees anywhere up to the memory, granted sometimes below the guarantee, ESX-like shares, and
    /// equal VMs now and then so that ties occur.
    /// </summary>
    public static VmView[] RandomVms(Random random, int maxCount, long maxMemory)
    {
        var vms = new VmView[random.Next(0, maxCount + 1)];
        for (var i = 0; i < vms.Length; i++)
        {
            if (i > 0 && random.Next(4) == 0)
            {
                var twin = vms[i - 1];
                vms[i] = Vm(i, twin.MemoryPages, twin.GrantedPages, twin.GuaranteePages, twin.ActivePages,
                    twin.Shares, twin.HasBalloon, twin.TouchedPages, twin.BalloonPages);
                continue;
            }

            var memory = random.NextInt64(1, maxMemory + 1);
            var ballooned = random.NextInt64(0, memory + 1) / 2;
            vms[i] = Vm(i, memory,
                granted: random.NextInt64(0, memory - ballooned + 1),
                guarantee: random.Next(3) == 0 ? 0 : random.NextInt64(0, memory + 1),
                active: random.NextInt64(0, memory + 1),
                shares: random.Next(5) switch { 0 => 500, 1 => 1000, 2 => 2000, 3 => 1, _ => random.Next(1, 5000) },
                balloon: random.Next(4) != 0,
                touched: random.NextInt64(0, memory + 1),
                ballooned: ballooned);
        }

        return vms;
    }
}
