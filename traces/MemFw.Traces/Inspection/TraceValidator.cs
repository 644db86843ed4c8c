using MemFw.Traces.Format;

namespace MemFw.Traces.Inspection;

/// <summary>Checks every invariant traces/FORMAT.md promises, reporting each violation with its file and row.</summary>
public static class TraceValidator
{
    /// <summary>Validates the trace folder at <paramref name="path"/>.</summary>
    /// <exception cref="TraceInputException">The folder cannot be opened at all (no metadata, not Parquet, ...).</exception>
    public static ValidationReport Validate(string path, IProgress<double>? progress = null)
    {
        var trace = Trace.Open(path);
        var report = new ValidationReport();
        CheckMetadata(trace.Metadata, report);
        CheckAccesses(trace, report, progress);
        if (trace.HasPages)
        {
            CheckPages(trace, report);
        }

        return report;
    }

    private static void CheckMetadata(TraceMetadata metadata, ValidationReport report)
    {
        const string File = TraceFormat.MetadataFile;
        var names = new HashSet<string>();
        for (var i = 0; i < metadata.Vms.Count; i++)
        {
            var vm = metadata.Vms[i];
            if (vm.Id != i)
            {
                report.Add(File, null, $"vms[{i}]: expected id {i} (ids are dense, in order), found {vm.Id}");
            }

            if (string.IsNullOrWhiteSpace(vm.Name) || !names.Add(vm.Name))
            {
                report.Add(File, null, $"vms[{i}]: expected a unique non-empty name, found '{vm.Name}'");
            }

            if (vm.PageSize != TraceFormat.PageSize)
            {
                report.Add(File, null, $"vms[{i}]: expected page_size {TraceFormat.PageSize}, found {vm.PageSize}");
            }

            if (vm.Vcpus is < 1 or > ushort.MaxValue)
            {
                report.Add(File, null, $"vms[{i}]: expected vcpus 1 to {ushort.MaxValue}, found {vm.Vcpus}");
            }

            if (vm.RamBytes is { } ram && (ram <= 0 || ram % TraceFormat.PageSize != 0))
            {
                report.Add(File, null,
                    $"vms[{i}]: expected ram_bytes a positive multiple of {TraceFormat.PageSize}, found {ram}");
            }
        }
    }

    private static void CheckAccesses(Trace trace, ValidationReport report, IProgress<double>? progress)
    {
        const string File = TraceFormat.AccessesFile;
        var vms = trace.Metadata.Vms;
        using var reader = trace.OpenAccesses(AccessColumns.All);
        var batch = new AccessBatch();
        long lastTime = long.MinValue;
        var lastVm = -1;
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var row = reader.BatchStartRow + i;
                var (time, vmId) = (batch.Time[i], batch.Vm[i]);
                if (time < lastTime || (time == lastTime && vmId < lastVm))
                {
                    report.Add(File, row,
                        $"expected rows sorted by (time, vm): (time {time}, vm {vmId}) follows (time {lastTime}, vm {lastVm})");
                }

                (lastTime, lastVm) = (time, vmId);
                if (vmId >= vms.Count)
                {
                    report.Add(File, row, $"expected a vm id below {vms.Count}, found {vmId}");
                    continue;
                }

                var vm = vms[vmId];
                if (batch.Vcpu[i] >= vm.Vcpus)
                {
                    report.Add(File, row, $"expected a vcpu below {vm.Vcpus} for VM '{vm.Name}', found {batch.Vcpu[i]}");
                }

                if ((byte)batch.Kind[i] > (byte)AccessKind.Fetch)
                {
                    report.Add(File, row, $"expected kind 0 (read), 1 (write) or 2 (fetch), found {(byte)batch.Kind[i]}");
                }

                if (vm.AddressMode == AddressMode.Identity && batch.Gva[i] != batch.Gpa[i])
                {
                    report.Add(File, row,
                        $"expected gva = gpa for identity-mapped VM '{vm.Name}', found 0x{batch.Gva[i]:X} and 0x{batch.Gpa[i]:X}");
                }

                if (vm.AddressMode == AddressMode.Translated && vm.RamBytes is { } ram && !batch.Io[i]
                    && batch.Gpa[i] >= (ulong)ram)
                {
                    report.Add(File, row,
                        $"expected a RAM gpa below ram_bytes {ram} of VM '{vm.Name}', found 0x{batch.Gpa[i]:X}");
                }
            }

            progress?.Report((double)reader.RowsRead / Math.Max(1, reader.RowCount));
        }

        report.AccessRows = reader.RowsRead;
    }

    private static void CheckPages(Trace trace, ValidationReport report)
    {
        const string File = TraceFormat.PagesFile;
        var vms = trace.Metadata.Vms;
        using var reader = trace.OpenPages(readContent: true);
        var batch = new PageBatch();
        (long Time, int Vm, ulong Gfn)? last = null;
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var row = reader.BatchStartRow + i;
                var key = (batch.Time[i], (int)batch.Vm[i], batch.Gfn[i]);
                Check(report, File, row, PageRowRules.Order(last, key));
                last = key;
                if (PageRowRules.VmId(batch.Vm[i], vms.Count) is { } badVm)
                {
                    report.Add(File, row, badVm);
                    continue;
                }

                Check(report, File, row, PageRowRules.Gfn(batch.Gfn[i], vms[batch.Vm[i]]));
                Check(report, File, row, PageRowRules.Content(batch.Hash[i], batch.Zero[i], batch.Content[i]));
            }
        }

        report.PageRows = reader.RowsRead;
    }

    private static void Check(ValidationReport report, string file, long row, string? problem)
    {
        if (problem is not null)
        {
            report.Add(file, row, problem);
        }
    }
}
