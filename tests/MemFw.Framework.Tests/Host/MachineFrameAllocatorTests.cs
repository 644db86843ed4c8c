using MemFw.Framework.Host;

namespace MemFw.Framework.Tests.Host;

/// <summary><see cref="MachineFrameAllocator"/>: no frame handed out twice, every frame accounted once.</summary>
public sealed class MachineFrameAllocatorTests
{
    [Fact]
    public void TryAllocate_FreshHost_HandsOutEveryFrameOnceThenNone()
    {
        var host = new MachineFrameAllocator(totalFrames: 5, vmCount: 2);

        var frames = new[] { host.TryAllocate(0), host.TryAllocate(1), host.TryAllocate(MachineFrameAllocator.Hypervisor),
            host.TryAllocate(0), host.TryAllocate(1) };

        Assert.Equal([0, 1, 2, 3, 4], frames);
        Assert.Equal(-1, host.TryAllocate(0));
        Assert.Equal(0, host.FreeFrames);
        Assert.Equal(2, host.FramesOf(0));
        Assert.Equal(2, host.FramesOf(1));
        Assert.Equal(1, host.HypervisorFrames);
        host.CheckInvariants();
    }

    [Fact]
    public void Release_ByTheOwner_FrameComesBackAndIsReused()
    {
        var host = new MachineFrameAllocator(3, 1);
        var a = host.TryAllocate(0);
        host.TryAllocate(0);

        host.Release(a, 0);

        Assert.Equal(MachineFrameAllocator.Free, host.OwnerOf(a));
        Assert.Equal(2, host.FreeFrames);
        Assert.Equal(a, host.TryAllocate(0));
        host.CheckInvariants();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(MachineFrameAllocator.Hypervisor)]
    public void Release_BySomeoneElse_Throws(int wrongOwner)
    {
        var host = new MachineFrameAllocator(2, 2);
        var frame = host.TryAllocate(0);

        var error = Assert.Throws<InvalidOperationException>(() => host.Release(frame, wrongOwner));

        Assert.Contains("held by VM 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_TwiceOrAFreeFrame_Throws()
    {
        var host = new MachineFrameAllocator(2, 1);
        var frame = host.TryAllocate(0);
        host.Release(frame, 0);

        Assert.Throws<InvalidOperationException>(() => host.Release(frame, 0));
        Assert.Throws<InvalidOperationException>(() => host.Release(1, MachineFrameAllocator.Free));
    }

    [Fact]
    public void RandomAllocationsAndReleases_AccountsAlwaysAddUp()
    {
        var random = new Random(11);
        var host = new MachineFrameAllocator(64, 3);
        var held = new List<(int Frame, int Owner)>();
        for (var step = 0; step < 5000; step++)
        {
            if (held.Count > 0 && random.Next(2) == 0)
            {
                var i = random.Next(held.Count);
                host.Release(held[i].Frame, held[i].Owner);
                held.RemoveAt(i);
            }
            else
            {
                var owner = random.Next(-1, 3) is var o && o < 0 ? MachineFrameAllocator.Hypervisor : o;
                var frame = host.TryAllocate(owner);
                if (frame >= 0)
                {
                    Assert.DoesNotContain(held, h => h.Frame == frame);
                    held.Add((frame, owner));
                }
                else
                {
                    Assert.Equal(64, held.Count);
                }
            }

            Assert.Equal(64 - held.Count, host.FreeFrames);
        }

        for (var vm = 0; vm < 3; vm++)
        {
            Assert.Equal(held.Count(h => h.Owner == vm), host.FramesOf(vm));
        }

        host.CheckInvariants();
    }
}
