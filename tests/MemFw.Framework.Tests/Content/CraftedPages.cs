namespace MemFw.Framework.Tests.Content;

/// <summary>4 KiB pages made up for the content tests: random ones, and copies with a few bytes changed.</summary>
internal static class CraftedPages
{
    /// <summary>The size of a page.</summary>
    public const int PageSize = 4096;

    /// <summary>A page of random bytes drawn from <paramref name="seed"/>.</summary>
    public static byte[] Random(int seed)
    {
        var page = new byte[PageSize];
        new System.Random(seed).NextBytes(page);
        return page;
    }

    /// <summary>
    /// A copy of <paramref name="page"/> with <paramref name="count"/> bytes from <paramref name="at"/> changed.
    /// </summary>
    public static byte[] Edited(byte[] page, int at, int count)
    {
        var copy = (byte[])page.Clone();
        for (var i = at; i < at + count; i++)
        {
            copy[i] ^= 0xA5;
        }

        return copy;
    }
}
