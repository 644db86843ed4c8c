using System.Text;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>Crafted 4 KiB page contents for host runs with real bytes.</summary>
internal static class TestPages
{
    /// <summary>A page of <paramref name="line"/> repeated: text that compresses well and resembles its variants.</summary>
    public static byte[] Text(string line)
    {
        var page = new byte[4096];
        var bytes = Encoding.ASCII.GetBytes(line);
        for (var i = 0; i < page.Length; i++)
        {
            page[i] = bytes[i % bytes.Length];
        }

        return page;
    }
}
