namespace MemFw.Framework.Content.Migration;

/// <summary>How a live migration is estimated: the link, the guest's speed and when pre-copy stops.</summary>
public sealed record MigrationSettings
{
    /// <summary>Bytes on the wire for a zero page: its frame number alone.</summary>
    public const int ZeroPageBytes = 8;

    /// <summary>Bytes on the wire for a page whose content was already sent: its frame number and the earlier one's.</summary>
    public const int ReferenceBytes = 16;

    /// <summary>Bytes on the wire before each page sent in full: its frame number and length.</summary>
    public const int PageHeaderBytes = 8;

    /// <summary>The link's bandwidth, bytes per second. Default 125,000,000: 1 Gbit/s.</summary>
    public double BandwidthBytesPerSecond
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, "bandwidth");
            field = value;
        }
    } = 125_000_000;

    /// <summary>
    /// The guest's time per access, µs, turning a round's transfer time into the accesses the guest runs meanwhile.
    /// Default 0.0206, the host cost model's <c>access</c> (the bundled QEMU guest's 48.5 M accesses/s) [U].
    /// </summary>
    public double AccessMicroseconds
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, "access-us");
            field = value;
        }
    } = 0.0206;

    /// <summary>
    /// Pre-copy stops when a round leaves at most this many dirty pages, which are then sent with the guest paused.
    /// Default 50 [U] (Xen's pre-copy stops below 50 dirty pages).
    /// </summary>
    public int StopPages
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, "stop-pages");
            field = value;
        }
    } = 50;

    /// <summary>The most pre-copy rounds before stop-and-copy. Default 30 [U] (Xen's max_iters in older releases).</summary>
    public int MaxRounds
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "max-rounds");
            field = value;
        }
    } = 30;
}
