namespace MemFw.Framework.Host.Engine;

/// <summary>What <see cref="HostContent"/> asks of a VM when a merge moves one of its pages onto a shared frame.</summary>
internal interface IContentPages
{
    /// <summary>
    /// Takes the machine frame of resident page <paramref name="page"/> from the VM: the page now uses a shared frame.
    /// </summary>
    /// <returns>The machine frame the page held, still held by the VM in the allocator (the caller releases or
    /// transfers it).</returns>
    int TakeOwnFrame(int page);

    /// <summary>
    /// Gives resident <paramref name="page"/>, which mapped a shared frame, <paramref name="machine"/> (already held by
    /// the VM in the allocator) as its own: it was the shared frame's last page.
    /// </summary>
    void GiveOwnFrame(int page, int machine);
}
