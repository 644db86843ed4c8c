using MemFw.Framework.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Framework.Host.Scenarios;

/// <summary>The host of a scenario: its RAM, pressure levels, the policies in force, the cost of each event.</summary>
/// <remarks>
/// Sizes are bytes, whole 4 KiB pages (the machine frame and guest page size of trace format 1); the <c>*Pages</c>
/// properties give them in pages. Each property's default is the one a scenario file gets when it leaves the key out;
/// docs/scenario.md gives the key names and sources.
/// </remarks>
public sealed record HostConfig
{
    /// <summary>The default of <see cref="RebalancePeriod"/>: 100,000 accesses.</summary>
    /// <remarks>
    /// ESX reallocates every 15 s, but the traces have no clock: at the 48.5 M accesses per second of the bundled
    /// QEMU capture, 100,000 accesses are about 2 ms of guest time, so the 1.8 M-access multi-VM sample sees 18
    /// rebalancing points [U].
    /// </remarks>
    public const long DefaultRebalancePeriod = 100_000;

    /// <summary>Installed host RAM in bytes (<c>ram</c>, required).</summary>
    public required long RamBytes { get; init; }

    /// <summary>
    /// Memory the hypervisor keeps per VM, in bytes, for VMs that do not set their own (<c>overhead</c>); default 0.
    /// </summary>
    /// <remarks>
    /// ESX's admission control counts 54 MB per 1-vCPU and 64 MB per 2-vCPU VM (vmm-facts section 1). The default is 0
    /// because the traces record guest memory only, and the bundled guests have 128 MiB, so ESX's figure would
    /// take 42% of each: set <c>overhead: 54M</c> to reproduce ESX's arithmetic.
    /// </remarks>
    public long OverheadBytes { get; init; }

    /// <summary>The free-memory level of each pressure state (<c>pressure</c>); default ESX's.</summary>
    public PressureThresholds Pressure { get; init; } = PressureThresholds.Esx;

    /// <summary>Accesses (of all VMs together) between two rebalancing points (<c>rebalance-period</c>).</summary>
    public long RebalancePeriod { get; init; } = DefaultRebalancePeriod;

    /// <summary>
    /// The replacement policy the VMM uses to pick the pages it swaps out of a victim VM (<c>swap-policy</c>); default
    /// <c>lru</c>.
    /// </summary>
    public PolicySpec SwapPolicy { get; init; } = PolicySpec.Default("lru");

    /// <summary>
    /// The replacement policy each guest uses to swap out its own pages for its balloon (<c>guest-policy</c>); default
    /// <c>lru</c>.
    /// </summary>
    public PolicySpec GuestPolicy { get; init; } = PolicySpec.Default("lru");

    /// <summary>The victim-VM selector (<c>victim-selector</c>); default <c>idle-tax</c>, ESX's.</summary>
    public PolicySpec VictimSelector { get; init; } = PolicySpec.Default("idle-tax");

    /// <summary>The balloon target strategy (<c>balloon</c>), null for <c>none</c>; default <c>esx</c>.</summary>
    public PolicySpec? Balloon { get; init; } = PolicySpec.Default("esx");

    /// <summary>The working-set estimator (<c>working-set</c>); default <c>esx-sampling</c>.</summary>
    public PolicySpec WorkingSet { get; init; } = PolicySpec.Default("esx-sampling");

    /// <summary>
    /// The guest's accesses without a touch after which a guest page counts as free for the balloon
    /// (<c>guest-free-window</c>), or <see langword="null"/> (<c>never</c>, the default): only never-touched pages are
    /// free.
    /// </summary>
    /// <remarks>
    /// A page a Linux guest has touched holds page cache, heap or kernel data that it does not drop just for being
    /// idle; giving it to the balloon means evicting it, so by default it goes through guest swapping.
    /// </remarks>
    public long? GuestFreeWindow { get; init; }

    /// <summary>
    /// The RAM hot-plugged at once into a guest that is short of memory while the host has plenty
    /// (<c>hotplug-step</c>); default 128 MiB, the memory block size of Linux on x86-64, the unit it onlines.
    /// </summary>
    public long HotPlugStepBytes { get; init; } = 128L << 20;

    /// <summary><see cref="HotPlugStepBytes"/> in 4 KiB pages.</summary>
    public long HotPlugPages => HotPlugStepBytes / TraceFormat.PageSize;

    /// <summary>
    /// The backing stores the VMM swaps to, first tried first (<c>backing-store</c>: one spec or a list); default
    /// <c>[disk]</c>. The last must keep every page (a swap device), which binding checks.
    /// </summary>
    public IReadOnlyList<PolicySpec> BackingStores { get; init; } = [PolicySpec.Default("disk")];

    /// <summary>
    /// <see cref="BackingStores"/> as one label: the specs joined by <c>+</c> (<c>compressed-ram+disk</c>), as
    /// <c>memfw compare --vary backing-store=...</c> takes a chain.
    /// </summary>
    public string BackingStoreLabel => string.Join('+', BackingStores.Select(s => s.Label));

    /// <summary>What each VM holds when the run starts (<c>start</c>); default <see cref="HostStart.Empty"/>.</summary>
    public HostStart Start { get; init; }

    /// <summary>Content-based page sharing (<c>sharing</c>); default off.</summary>
    public SharingConfig Sharing { get; init; } = new();

    /// <summary>
    /// Difference Engine's sub-page patching (<c>patching</c>): at every rebalancing point, resident pages not touched
    /// since the last one are stored as patches against similar resident pages when the patch is small enough.
    /// Default false.
    /// </summary>
    public bool Patching { get; init; }

    /// <summary>
    /// The largest patch kept (<c>patch-cutoff</c>, bytes); default 2048, half a page, as in Difference Engine.
    /// </summary>
    public int PatchCutoffBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "patch-cutoff");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TraceFormat.PageSize, "patch-cutoff");
            field = value;
        }
    } = 2048;

    /// <summary>
    /// The compression codec (<c>codec</c>, a <c>compression-codec</c> plugin) that sizes pages for compressing
    /// backing stores from their real contents; default <c>lz4</c>.
    /// </summary>
    public PolicySpec Codec { get; init; } = PolicySpec.Default("lz4");

    /// <summary>What each event costs (<c>costs</c>).</summary>
    public CostModel Costs { get; init; } = new();

    /// <summary><see cref="RamBytes"/> in 4 KiB frames.</summary>
    public long RamPages => RamBytes / TraceFormat.PageSize;
}
