using MemFw.Framework.Host;

namespace MemFw.Plugins.Host.Balloon;

/// <summary>The bounds every balloon strategy keeps to.</summary>
internal static class BalloonBounds
{
    /// <summary>
    /// <paramref name="pages"/> as a balloon target of <paramref name="vm"/>: 0 without a balloon driver, else
    /// between 0 and memory - guarantee (a balloon never pushes a guest below its guarantee).
    /// </summary>
    public static long Of(VmView vm, long pages) =>
        vm.HasBalloon ? Math.Clamp(pages, 0, Math.Max(0, vm.MemoryPages - vm.GuaranteePages)) : 0;

    /// <summary>The guest's current memory as it sees it: installed RAM minus what its balloon holds.</summary>
    public static long GuestCurrent(VmView vm) => vm.MemoryPages - vm.BalloonPages;
}
