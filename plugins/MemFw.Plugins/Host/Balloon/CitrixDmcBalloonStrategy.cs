using System.Numerics;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.Balloon;

/// <summary>
/// Citrix Dynamic Memory Control: every VM is squeezed to the same relative place between its dynamic minimum and
/// maximum, the one place at which all VMs fit the host.
/// </summary>
/// <remarks>
/// <para>
/// Citrix XenServer/XenCenter, "About Dynamic Memory Control" (docs.citrix.com, XenCenter 7.1): under pressure VMs
/// are squeezed "proportionally at the same distance between dynamic minimum and maximum". With min =
/// <see cref="VmView.GuaranteePages"/> and max = <see cref="VmView.MemoryPages"/>, the fraction x in [0, 1] solves
/// sum(min + x (max - min)) = frames available to VMs (<see cref="HostView.TotalFrames"/> -
/// <see cref="HostView.HypervisorFrames"/>), clamped to 0 when even the minimums do not fit and to 1 when the
/// maximums do; each VM's target is min + x (max - min) and its balloon memory - target.
/// </para>
/// <para>
/// Choices: targets are whole pages with the exact total, the pages above the minimums being split in proportion to
/// max - min by the largest-remainder method (<see cref="ProportionalShare"/>), which is min + x (max - min) rounded.
/// A VM without a balloon driver cannot be squeezed (in XenServer its dynamic range is empty without the guest's
/// tools): it counts at its full memory and gets balloon target 0, and the others share what is left. The rule does
/// not depend on the pressure state: DMC targets follow the host's memory, not its free-memory level.
/// </para>
/// </remarks>
[BalloonStrategy("citrix-dmc", Description = "Citrix DMC: all VMs at the same fraction between dynamic min and max",
    Source = "Citrix XenServer Dynamic Memory Control (XenCenter 7.1 documentation)")]
public sealed class CitrixDmcBalloonStrategy : IBalloonStrategy
{
    /// <inheritdoc/>
    public void SetTargets(HostView host, IReadOnlyList<VmView> vms, Span<long> targets)
    {
        HostArguments.Check(host, vms, targets, nameof(targets));
        var minimum = new long[vms.Count];
        var range = new long[vms.Count];
        var weights = new BigInteger[vms.Count];
        var minimums = 0L;
        for (var i = 0; i < vms.Count; i++)
        {
            minimum[i] = vms[i].HasBalloon ? vms[i].GuaranteePages : vms[i].MemoryPages;
            range[i] = vms[i].MemoryPages - minimum[i];
            weights[i] = range[i];
            minimums += minimum[i];
        }

        var above = new long[vms.Count];
        ProportionalShare.Apportion(range, weights,
            host.TotalFrames - host.HypervisorFrames - minimums, above);
        for (var i = 0; i < vms.Count; i++)
        {
            targets[i] = BalloonBounds.Of(vms[i], vms[i].MemoryPages - (minimum[i] + above[i]));
        }
    }
}
