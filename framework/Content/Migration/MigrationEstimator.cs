using MemFw.Framework.Content.Compression;
using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Migration;

/// <summary>
/// Estimates a pre-copy live migration of one VM of a trace: the first round sends its memory at a snapshot, each
/// later round the pages the guest wrote while the previous one was on the wire, until few enough are left to send
/// with the guest paused (stop-and-copy), as Xen and KVM migrate (Clark et al., "Live Migration of Virtual
/// Machines", NSDI 2005).
/// </summary>
/// <remarks>
/// The first round applies the content techniques: a zero page is sent as its frame number, a page whose content an
/// earlier page already sent has is a reference, others go compressed by the codec (uncompressed when the trace holds
/// only their hash). A page the guest writes after the snapshot has unknown new content (docs/content.md), so a later
/// round sends it at the size its snapshot content compressed to, or a whole page if it was zero or unknown [U]. The
/// guest's writes come from its trace after the snapshot time, at the settings' time per access.
/// </remarks>
public static class MigrationEstimator
{
    /// <summary>Estimates the migration of VM <paramref name="vm"/> of <paramref name="trace"/> from snapshot <paramref name="time"/>.</summary>
    /// <param name="trace">A trace with a page-contents table (and accesses, for the pre-copy rounds).</param>
    /// <param name="vm">The VM's id in the trace.</param>
    /// <param name="time">A snapshot time of the VM.</param>
    /// <param name="codec">The codec, with its name, or null to send pages uncompressed.</param>
    /// <param name="settings">The link and the stopping rule.</param>
    /// <exception cref="TraceInputException">The trace has no snapshot of the VM at that time, or is malformed.</exception>
    public static MigrationEstimate Estimate(Trace trace, int vm, long time, (string Name, ICompressionCodec Codec)? codec,
        MigrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(settings);
        var snapshot = SnapshotCopy.Read(trace, vm, time, codec?.Codec);
        var rounds = new List<MigrationRound>();
        var bytes = snapshot.FirstRoundBytes;
        var pages = snapshot.PageBytes.Count;
        var traceEnded = !File.Exists(trace.AccessesPath);
        using var writes = traceEnded ? null : new WriteWindow(trace, vm, time);
        for (var round = 1; ; round++)
        {
            var seconds = bytes / settings.BandwidthBytesPerSecond;
            var stop = round > 1 && (pages <= settings.StopPages || round > settings.MaxRounds || traceEnded);
            if (stop)
            {
                rounds.Add(new MigrationRound(round, pages, bytes, seconds, 0, StopAndCopy: true));
                break;
            }

            var dirty = writes is null ? [] : writes.Next((long)Math.Round(seconds * 1e6 / settings.AccessMicroseconds));
            traceEnded |= writes?.Ended ?? true;
            rounds.Add(new MigrationRound(round, pages, bytes, seconds, dirty.Count, StopAndCopy: false));
            pages = dirty.Count;
            bytes = dirty.Sum(gfn => (long)snapshot.DirtyBytes(gfn));
        }

        return new MigrationEstimate
        {
            Vm = trace.Metadata.Vms.FirstOrDefault(v => v.Id == vm)?.Name ?? vm.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Time = time,
            Codec = codec?.Name ?? "none",
            Pages = snapshot.PageBytes.Count,
            ZeroPages = snapshot.ZeroPages,
            DuplicatePages = snapshot.DuplicatePages,
            PagesWithoutContent = snapshot.PagesWithoutContent,
            Rounds = rounds,
            TraceEnded = traceEnded,
        };
    }
}
