using MemFw.Framework.Host;

namespace MemFw.Plugins.Host;

/// <summary>The checks every host policy makes at its public boundary.</summary>
internal static class HostArguments
{
    /// <summary>Checks that the views are given and that <paramref name="result"/> has a slot per VM.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> or <paramref name="vms"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="result"/> has fewer slots than VMs.</exception>
    public static void Check(HostView host, IReadOnlyList<VmView> vms, ReadOnlySpan<long> result, string resultName)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(vms);
        if (result.Length < vms.Count)
        {
            throw new ArgumentException($"needs a slot for each of the {vms.Count} VMs", resultName);
        }
    }
}
