namespace MemFw.Framework.Tests.Content.Sharing;

/// <summary>
/// Replays each real guest once for all the tests of a class: a replay decompresses two 128 MiB images and reads
/// up to 60 million records, and keeps only what the tests check (sets, classes and counters, not the images).
/// </summary>
public sealed class GuestReplays
{
    private readonly Dictionary<string, GuestReplay> _replays = [];
    private readonly Lock _lock = new();

    /// <summary>The replay of <paramref name="guest"/>, run on first use.</summary>
    internal GuestReplay Of(string guest)
    {
        lock (_lock)
        {
            if (!_replays.TryGetValue(guest, out var replay))
            {
                _replays.Add(guest, replay = GuestReplay.Run(guest));
            }

            return replay;
        }
    }
}
