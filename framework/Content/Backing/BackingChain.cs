using System.Diagnostics.CodeAnalysis;

namespace MemFw.Framework.Content.Backing;

/// <summary>
/// The backing stores the VMM swaps to, in order (a scenario's <c>host.backing-store</c>, such as
/// <c>[frontswap, compressed-ram, disk]</c>): a swapped-out page goes to the first store that keeps it and is read back
/// from the first store that has it. Counts what each store holds and does.
/// </summary>
/// <remarks>
/// <para>
/// A swap-out offers the page to each store in turn: a store that refuses it (full, or the page does not compress
/// well enough) passes it on; the first store that keeps it ends the walk, unless it is ephemeral (it may drop the
/// page later, as cleancache may), in which case the page is also offered to the next stores, until a persistent one
/// keeps it: so a page an ephemeral store lost is read from the next store, as cleancache's pages are still in the
/// guest's file system. Every store offered the page costs the time its outcome says (a compression before a refusal,
/// say). Every store that did not keep this version forgets any older copy, so no load returns stale content.
/// </para>
/// <para>
/// The last store must keep every page (a swap device: <see cref="IBackingStore.KeepsEveryPage"/>), so every page
/// swapped out can be read back, and no store may follow one that does (it would never be used). Called on swap-outs
/// and swap-ins, not per access: no call allocates.
/// </para>
/// </remarks>
public sealed class BackingChain
{
    private readonly IBackingStore[] _stores;
    private readonly string[] _names;
    private readonly Tally[] _tallies;

    /// <summary>Chains <paramref name="stores"/>, each named as the scenario names it, first tried first.</summary>
    /// <exception cref="ArgumentException">
    /// No store; a store after one that keeps every page; or a last store that may refuse or drop a page.
    /// </exception>
    public BackingChain(IReadOnlyList<(string Name, IBackingStore Store)> stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        if (stores.Count == 0)
        {
            throw new ArgumentException("expected at least one backing store", nameof(stores));
        }

        for (var i = 0; i < stores.Count - 1; i++)
        {
            if (stores[i].Store.KeepsEveryPage)
            {
                throw new ArgumentException($"store '{stores[i + 1].Name}' follows '{stores[i].Name}', which keeps "
                    + "every page, so it would never be used", nameof(stores));
            }
        }

        var (lastName, last) = stores[^1];
        if (!last.KeepsEveryPage || last.Ephemeral)
        {
            throw new ArgumentException($"the last store, '{lastName}', may refuse or drop a page: end the chain with "
                + "one that keeps every page (a swap device such as disk or ssd)", nameof(stores));
        }

        _stores = [.. stores.Select(s => s.Store)];
        _names = [.. stores.Select(s => s.Name)];
        _tallies = new Tally[_stores.Length];
    }

    /// <summary>Host machine frames the stores occupy now (RAM-backed stores), which the host cannot give to VMs.</summary>
    public long MachineFrames
    {
        get
        {
            var frames = 0L;
            foreach (var store in _stores)
            {
                frames += store.MachineFrames;
            }

            return frames;
        }
    }

    /// <summary>Each store's counters, in chain order.</summary>
    public IReadOnlyList<BackingStoreCounters> Counters =>
    [
        .. _stores.Select((store, i) => new BackingStoreCounters(_names[i], store.InRam, store.Pages, store.Bytes,
            store.MachineFrames, _tallies[i].PeakMachineFrames, _tallies[i].Kept, _tallies[i].Refused,
            _tallies[i].Loads, _tallies[i].Misses, _tallies[i].StoreMicroseconds, _tallies[i].LoadMicroseconds)),
    ];

    /// <summary>
    /// Stores version <paramref name="stamp"/> of page <paramref name="key"/> in the first store that keeps it (and,
    /// after an ephemeral one, in the next that keeps it too); every other store forgets the page.
    /// </summary>
    /// <param name="key">The page.</param>
    /// <param name="stamp">Its version: a later <see cref="Holds"/> of the same stamp is true until it changes.</param>
    /// <param name="compressedBytes">Its size under the run's codec; 4096 when unknown.</param>
    /// <returns>The time spent, µs: the sum over every store offered the page.</returns>
    /// <exception cref="InvalidOperationException">No store kept the page: the last store broke its contract.</exception>
    public double SwapOut(SwapKey key, long stamp, int compressedBytes)
    {
        var spent = 0.0;
        var i = 0;
        for (; i < _stores.Length; i++)
        {
            var store = _stores[i];
            var outcome = store.Store(key, stamp, compressedBytes);
            ref var tally = ref _tallies[i];
            tally.StoreMicroseconds += outcome.Microseconds;
            spent += outcome.Microseconds;
            if (!outcome.Kept)
            {
                tally.Refused++;
                store.Discard(key);
                continue;
            }

            tally.Kept++;
            tally.PeakMachineFrames = Math.Max(tally.PeakMachineFrames, store.MachineFrames);
            if (!store.Ephemeral)
            {
                break;
            }
        }

        if (i == _stores.Length)
        {
            ThrowNotKept(key);
        }

        for (i++; i < _stores.Length; i++)
        {
            _stores[i].Discard(key);
        }

        return spent;
    }

    /// <summary>
    /// Whether some store holds version <paramref name="stamp"/> of page <paramref name="key"/>: a clean page swapped
    /// out again need not be written.
    /// </summary>
    public bool Holds(SwapKey key, long stamp)
    {
        foreach (var store in _stores)
        {
            if (store.Contains(key, stamp))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads page <paramref name="key"/> back from the first store that has it.</summary>
    /// <param name="key">The page.</param>
    /// <param name="store">The index in the chain of the store that had it.</param>
    /// <returns>The time spent, µs.</returns>
    /// <exception cref="InvalidOperationException">No store has the page: the caller never swapped it out.</exception>
    public double SwapIn(SwapKey key, out int store)
    {
        var spent = 0.0;
        for (var i = 0; i < _stores.Length; i++)
        {
            var outcome = _stores[i].Load(key);
            ref var tally = ref _tallies[i];
            tally.LoadMicroseconds += outcome.Microseconds;
            spent += outcome.Microseconds;
            if (outcome.Hit)
            {
                tally.Loads++;
                store = i;
                return spent;
            }

            tally.Misses++;
        }

        store = -1;
        return ThrowNotHeld(key);
    }

    /// <summary>Every store forgets page <paramref name="key"/>: its guest freed it, or took it back for good.</summary>
    public void Discard(SwapKey key)
    {
        foreach (var store in _stores)
        {
            store.Discard(key);
        }
    }

    [DoesNotReturn]
    private void ThrowNotKept(SwapKey key) => throw new InvalidOperationException(
        $"no backing store kept page {key.Page} of VM {key.Vm}: '{_names[^1]}' must keep every page");

    [DoesNotReturn]
    private static double ThrowNotHeld(SwapKey key) => throw new InvalidOperationException(
        $"no backing store holds page {key.Page} of VM {key.Vm}: it was never swapped out, or was discarded");

    /// <summary>One store's running counts.</summary>
    private struct Tally
    {
        public long PeakMachineFrames;
        public long Kept;
        public long Refused;
        public long Loads;
        public long Misses;
        public double StoreMicroseconds;
        public double LoadMicroseconds;
    }
}
