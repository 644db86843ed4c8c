using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host;
using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;
using static MemFw.Plugins.Tests.Host.Engine.HostRuns;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>
/// Swapping to compressed RAM on the host with real page contents: a page goes to the compressed store at the size
/// the codec gives its bytes, an incompressible or unknown page falls through to the disk, the store's frames come
/// out of the host's RAM, and the costs are the codec's measured speeds.
/// </summary>
public sealed class HostCompressionTests
{
    private const double DiskWrite = 4096 / 50.0;
    private const double Lz4Compress = 4096 / 1318.0;
    private const double Lz4Decompress = 4096 / 4970.0;

    private static readonly byte[] s_text = TestPages.Text("the quick brown fox jumps over the lazy dog; ");
    private static readonly byte[] s_noise = Noise(7);
    private static readonly byte[] s_prose = TestPages.Text("it was the best of times, it was the worst of times. ");

    [Fact]
    public void Run_CompressiblePageGoesToCompressedRam_NoiseToDisk()
    {
        // VM a may hold 2 pages (limit 2) and starts from its snapshot: text (gfn 0), noise (gfn 1), prose (gfn 2).
        // Loading prose evicts text (LRU) into compressed RAM. The trace then reads text back (a decompression),
        // which evicts noise: it compresses to more than 2 KiB, so compressed RAM refuses it after compressing it,
        // and the disk keeps it.
        var host = HostOf(64, rebalancePeriod: 1) with
        {
            Start = HostStart.Snapshot,
            BackingStores = [PolicySpec.Default("compressed-ram"), PolicySpec.Default("disk")],
        };
        var snapshot = new StartSnapshot(0, [
            (0, PageContent.FromBytes(s_text)), (1, PageContent.FromBytes(s_noise)), (2, PageContent.FromBytes(s_prose))]);
        var result = Run(Scenario(host, Vm("a", memory: 8, limit: 2)), [snapshot], (0, 0, false));

        var text = CompressedSize(s_text);
        Assert.InRange(text, 1, 2048);
        Assert.True(CompressedSize(s_noise) > 2048);
        var a = result.Vms[0];
        Assert.Equal((1L, 1L, 1L), (a.SwapIns, a.SwapOuts, a.Swapped));
        Assert.Equal(Lz4Decompress + Lz4Compress + DiskWrite, a.StallMicroseconds, precision: 9);
        var (ram, disk) = (result.BackingStores[0], result.BackingStores[1]);
        Assert.Equal((1L, (long)text, 1L), (ram.Pages, ram.Bytes, ram.MachineFrames));
        Assert.Equal((0L, 1L, 1L), (ram.Kept, ram.Refused, ram.Loads));
        Assert.Equal((1L, 1L), (disk.Pages, disk.Kept));

        // Host RAM: 2 resident pages and the compressed store's one frame.
        Assert.Equal(64 - 2 - 1, result.Samples[^1].FreeFrames);
    }

    [Fact]
    public void Run_WrittenPage_IsUnknownAndStoredWhole()
    {
        // As above, but the trace writes text before it is evicted again: its content is unknown from then on, so it
        // counts as 4096 bytes and goes to the disk. Accesses: text back (evicts noise to disk), write text, read
        // noise (evicts prose, clean and known: compressed RAM), read prose (evicts text, dirty and unknown: disk).
        var host = HostOf(64, rebalancePeriod: 1) with
        {
            Start = HostStart.Snapshot,
            BackingStores = [PolicySpec.Default("compressed-ram"), PolicySpec.Default("disk")],
        };
        var snapshot = new StartSnapshot(0, [
            (0, PageContent.FromBytes(s_text)), (1, PageContent.FromBytes(s_noise)), (2, PageContent.FromBytes(s_prose))]);
        var result = Run(Scenario(host, Vm("a", memory: 8, limit: 2)), [snapshot],
            (0, 0, false), (0, 0, true), (0, 1, false), (0, 2, false));

        var (ram, disk) = (result.BackingStores[0], result.BackingStores[1]);

        // Noise and the written text were refused (2) and kept by the disk (2), prose kept compressed (1); writing the
        // text's new version to the disk dropped its old compressed copy, so compressed RAM holds prose only.
        Assert.Equal((1L, (long)CompressedSize(s_prose)), (ram.Pages, ram.Bytes));
        Assert.Equal((1L, 2L, 2L), (ram.Kept, ram.Refused, ram.Loads));
        Assert.Equal((2L, 2L, 1L), (disk.Pages, disk.Kept, disk.Loads));
    }

    private static int CompressedSize(byte[] page)
    {
        var codec = Registry.CompressionCodecs.Single(d => d.Name == "lz4").Bind(PolicySpec.Default("lz4").Values)(
            new HostPluginContext(1, 1));
        var output = new byte[codec.MaxCompressedLength(page.Length)];
        return codec.Compress(page, output);
    }

    private static byte[] Noise(int seed)
    {
        var page = new byte[4096];
        new Random(seed).NextBytes(page);
        return page;
    }
}
