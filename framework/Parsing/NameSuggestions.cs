namespace MemFw.Framework.Parsing;

/// <summary>Suggests the known names nearest to a mistyped one (policy, option, key), by edit distance.</summary>
public static class NameSuggestions
{
    /// <summary>A clause like <c>; did you mean 'clock' or 'lru'? Known: ...</c> for an error message.</summary>
    public static string Describe(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        var all = known.Order(StringComparer.Ordinal).ToList();
        var near = all.Select(k => (Name: k, Distance: Distance(name, k)))
            .Where(k => k.Distance <= Math.Max(2, name.Length / 3))
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(3).Select(k => $"'{k.Name}'").ToList();
        var suggestion = near.Count > 0 ? $"; did you mean {string.Join(" or ", near)}?" : "";
        return $"{suggestion} Known: {string.Join(", ", all)}";
    }

    /// <summary>The Levenshtein distance between two names.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
