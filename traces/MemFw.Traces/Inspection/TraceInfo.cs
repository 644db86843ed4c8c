using MemFw.Traces.Format;

namespace MemFw.Traces.Inspection;

/// <summary>Computes a <see cref="TraceSummary"/> in one streaming pass over each table.</summary>
public static class TraceInfo
{
    /// <summary>Summarizes <paramref name="trace"/>.</summary>
    /// <param name="trace">The opened trace.</param>
    /// <param name="progress">Receives the fraction of rows read, 0 to 1.</param>
    /// <exception cref="TraceInputException">A table is malformed or names a VM the metadata lacks.</exception>
    public static TraceSummary Summarize(Trace trace, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var vms = trace.Metadata.Vms;
        var tallies = vms.Select(_ => new Tally()).ToArray();
        using (var reader = trace.OpenAccesses(AccessColumns.Time | AccessColumns.Replay))
        {
            var batch = new AccessBatch();
            while (reader.Read(batch) > 0)
            {
                var vm = batch.Vm;
                var kind = batch.Kind;
                var io = batch.Io;
                var gpa = batch.Gpa;
                var time = batch.Time;
                for (var i = 0; i < batch.Count; i++)
                {
                    if (vm[i] >= tallies.Length)
                    {
                        throw new TraceInputException(reader.Path, $"row {reader.BatchStartRow + i}",
                            $"expected a VM id below {tallies.Length}, found {vm[i]}");
                    }

                    tallies[vm[i]].Add(time[i], kind[i], io[i], gpa[i]);
                }

                progress?.Report((double)reader.RowsRead / Math.Max(1, reader.RowCount));
            }
        }

        var perVm = vms.Select(v => new VmSummary(tallies[v.Id].ToCounts())
        {
            Id = v.Id,
            Name = v.Name,
            RamBytes = v.RamBytes,
            Vcpus = v.Vcpus,
            AddressMode = v.AddressMode,
        }).ToList();
        return new TraceSummary(Total(perVm))
        {
            FormatVersion = trace.Metadata.FormatVersion,
            TimeUnit = trace.Metadata.TimeUnit,
            Vms = perVm,
            PageContents = trace.HasPages ? SummarizePages(trace) : null,
        };
    }

    private static AccessCounts Total(IReadOnlyList<AccessCounts> counts) => new()
    {
        Accesses = counts.Sum(c => c.Accesses),
        Reads = counts.Sum(c => c.Reads),
        Writes = counts.Sum(c => c.Writes),
        Fetches = counts.Sum(c => c.Fetches),
        IoAccesses = counts.Sum(c => c.IoAccesses),
        DistinctPages = counts.Sum(c => c.DistinctPages),
        TimeFirst = counts.Min(c => c.TimeFirst),
        TimeLast = counts.Max(c => c.TimeLast),
    };

    private static PageContentsSummary SummarizePages(Trace trace)
    {
        var snapshots = new List<SnapshotSummary>();
        using var reader = trace.OpenPages(readContent: true);
        var batch = new PageBatch();
        SnapshotTally? current = null;
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var (vm, time) = (batch.Vm[i], batch.Time[i]);
                if (current is null || current.Vm != vm || current.Time != time)
                {
                    if (current is not null)
                    {
                        snapshots.Add(current.ToSummary());
                    }

                    current = new SnapshotTally(vm, time);
                }

                current.Add(batch.Hash[i], batch.Zero[i], batch.Content[i] is not null);
            }
        }

        if (current is not null)
        {
            snapshots.Add(current.ToSummary());
        }

        return new PageContentsSummary { PerSnapshot = snapshots };
    }

    /// <summary>Running counts of one VM's accesses.</summary>
    private sealed class Tally
    {
        private readonly HashSet<ulong> _pages = [];
        private long _accesses;
        private long _reads;
        private long _writes;
        private long _fetches;
        private long _io;
        private long _first;
        private long _last;
        private ulong _lastPage = ulong.MaxValue;

        public void Add(long time, AccessKind kind, bool io, ulong gpa)
        {
            if (_accesses++ == 0)
            {
                _first = time;
            }

            _last = time;
            switch (kind)
            {
                case AccessKind.Read:
                    _reads++;
                    break;
                case AccessKind.Write:
                    _writes++;
                    break;
                default:
                    _fetches++;
                    break;
            }

            if (io)
            {
                _io++;
                return;
            }

            var page = gpa >> TraceFormat.PageShift;
            if (page != _lastPage)
            {
                _lastPage = page;
                _pages.Add(page);
            }
        }

        public AccessCounts ToCounts() => new()
        {
            Accesses = _accesses,
            Reads = _reads,
            Writes = _writes,
            Fetches = _fetches,
            IoAccesses = _io,
            DistinctPages = _pages.Count,
            TimeFirst = _accesses > 0 ? _first : null,
            TimeLast = _accesses > 0 ? _last : null,
        };
    }

    /// <summary>Running counts of one snapshot's pages.</summary>
    private sealed class SnapshotTally(ushort vm, long time)
    {
        private readonly HashSet<ulong> _contents = [];
        private long _pages;
        private long _zero;
        private long _nonZero;
        private long _withContent;

        public ushort Vm => vm;

        public long Time => time;

        public void Add(ulong hash, bool zero, bool hasContent)
        {
            _pages++;
            _withContent += hasContent ? 1 : 0;
            if (zero)
            {
                _zero++;
                return;
            }

            _nonZero++;
            _contents.Add(hash);
        }

        public SnapshotSummary ToSummary() => new()
        {
            Vm = vm,
            Time = time,
            Pages = _pages,
            ZeroPages = _zero,
            DuplicatePages = _nonZero - _contents.Count,
            PagesWithContent = _withContent,
        };
    }
}
