namespace MemFw.Plugins.Tests.Replacement;

/// <summary>Reference strings as text: page numbers separated by spaces, "w" after a page for a write.</summary>
internal static class Reference
{
    /// <summary>Parses "1 2w 3" into pages {1, 2, 3} and writes {false, true, false}.</summary>
    public static (int[] Pages, bool[] Writes) Parse(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pages = new int[tokens.Length];
        var writes = new bool[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            writes[i] = tokens[i].EndsWith('w');
            pages[i] = int.Parse(tokens[i].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (pages, writes);
    }

    /// <summary>Pages drawn uniformly from 0..<paramref name="distinct"/>-1, a quarter of them writes.</summary>
    public static (int[] Pages, bool[] Writes) Uniform(int seed, int length, int distinct)
    {
        var random = new Random(seed);
        var pages = new int[length];
        var writes = new bool[length];
        for (var i = 0; i < length; i++)
        {
            pages[i] = random.Next(distinct);
            writes[i] = random.Next(4) == 0;
        }

        return (pages, writes);
    }

    /// <summary>
    /// A string with the locality of a real program: 90% of the accesses go to a working set of an eighth of the pages,
    /// skewed towards its first pages, which moves ten times along the string; the rest are uniform; a quarter are
    /// writes. The first <paramref name="distinct"/> accesses touch every page once, so that strings of any length
    /// over the same pages have the same page count.
    /// </summary>
    public static (int[] Pages, bool[] Writes) Locality(int seed, int length, int distinct)
    {
        var random = new Random(seed);
        var pages = new int[length];
        var writes = new bool[length];
        var workingSet = Math.Max(1, distinct / 8);
        var phase = Math.Max(1, length / 10);
        var start = 0;
        for (var i = 0; i < length; i++)
        {
            if (i % phase == 0)
            {
                start = random.Next(distinct);
            }

            if (i < distinct)
            {
                pages[i] = i;
            }
            else if (random.NextDouble() < 0.9)
            {
                var r = random.NextDouble();
                pages[i] = (start + (int)(workingSet * r * r)) % distinct;
            }
            else
            {
                pages[i] = random.Next(distinct);
            }

            writes[i] = random.Next(4) == 0;
        }

        return (pages, writes);
    }
}
