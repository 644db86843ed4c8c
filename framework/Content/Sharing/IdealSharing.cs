namespace MemFw.Framework.Content.Sharing;

/// <summary>The best any scanner could do on a <see cref="SharingSpace"/> now: every duplicate merged.</summary>
public static class IdealSharing
{
    /// <summary>
    /// The counters of <paramref name="space"/> if all pages of equal content (<see cref="PageContent"/> equality)
    /// and equal salt shared one frame each: one frame per distinct (salt, content), one per page of unknown content.
    /// </summary>
    /// <remarks>
    /// The space's switches apply: under salting each VM is its own group, and under the zero-page hack every zero page
    /// is in one group whatever its VM. No cap on sharers (KSM's <c>max_page_sharing</c> needs a frame per 256).
    /// </remarks>
    public static SharingCounters Counters(SharingSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var groups = new Dictionary<(int Salt, PageContent Content), int>();
        var unknown = 0L;
        for (var page = 0; page < space.PageCount; page++)
        {
            if (!space.TryGetContent(page, out var content))
            {
                unknown++;
                continue;
            }

            var salt = space.Settings.ZeroPageSharing && content.IsZero ? 0 : space.SaltOf(page);
            groups[(salt, content)] = groups.GetValueOrDefault((salt, content)) + 1;
        }

        long shared = 0, sharing = 0, zero = 0;
        foreach (var ((_, content), sharers) in groups)
        {
            if (sharers >= 2)
            {
                shared++;
                sharing += sharers - 1;
                zero += content.IsZero ? sharers : 0;
            }
        }

        return new SharingCounters(space.PageCount, groups.Count + unknown, shared, sharing, zero, unknown);
    }
}
