using System.Runtime.CompilerServices;

namespace MemFw.Framework.Replacement;

/// <summary>
/// The machine frames of a replay as the hardware and the VMM see them: which page each frame holds and its x86
/// Accessed and Dirty bits. The engine owns it; policies read it and clear Accessed bits.
/// </summary>
public sealed class FrameTable
{
    /// <summary>No page: the value of <see cref="PageOf"/> for a free frame.</summary>
    public const int NoPage = -1;

    /// <summary>The page each frame holds (engine-owned, read by the replay loop directly).</summary>
    internal readonly int[] Pages;

    /// <summary>The Accessed bit of each frame.</summary>
    internal readonly bool[] Accessed;

    /// <summary>The Dirty bit of each frame.</summary>
    internal readonly bool[] Dirty;

    /// <summary>Creates <paramref name="count"/> free frames.</summary>
    internal FrameTable(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Pages = new int[count];
        Array.Fill(Pages, NoPage);
        Accessed = new bool[count];
        Dirty = new bool[count];
    }

    /// <summary>Write-backs of pages cleaned in place by <see cref="WriteBack"/>, counted by the engine.</summary>
    internal long CleaningWriteBacks { get; private set; }

    /// <summary>The number of frames.</summary>
    public int Count => Pages.Length;

    /// <summary>The dense page id held by <paramref name="frame"/>, or <see cref="NoPage"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PageOf(int frame) => Pages[frame];

    /// <summary>Whether the frame's page was accessed since its Accessed bit was last cleared.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAccessed(int frame) => Accessed[frame];

    /// <summary>Clears the frame's Accessed bit, as an OS or VMM scanning page tables does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ClearAccessed(int frame) => Accessed[frame] = false;

    /// <summary>Whether the frame's page was written since it was loaded or last written back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsDirty(int frame) => Dirty[frame];

    /// <summary>
    /// Schedules the frame's dirty page for write-back without evicting it (WSClock's cleaning): the engine counts a
    /// write-back and clears the Dirty bit. Does nothing for a clean frame.
    /// </summary>
    public void WriteBack(int frame)
    {
        if (Dirty[frame])
        {
            Dirty[frame] = false;
            CleaningWriteBacks++;
        }
    }
}
