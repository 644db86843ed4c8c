using MemFw.Traces.Format;

namespace MemFw.Traces.Import;

/// <summary>What an import saw of one VM's accesses: their time range, and checks against the VM's configuration.</summary>
internal struct VmSpan
{
    /// <summary>Accesses seen.</summary>
    public long Count;

    /// <summary>Time of the first access.</summary>
    public long First;

    /// <summary>Time of the last access.</summary>
    public long Last;

    /// <summary>Highest guest-physical address of a RAM (non-I/O) access.</summary>
    public ulong MaxRamGpa;

    /// <summary>Index of the access with <see cref="MaxRamGpa"/>, for errors.</summary>
    public long MaxRamGpaAccess;

    /// <summary>Takes access <paramref name="index"/> of <paramref name="batch"/>, which belongs to VM <paramref name="vm"/>.</summary>
    /// <exception cref="TraceInputException">The access names a vCPU the VM does not have.</exception>
    public void Observe(ImportPlan plan, int vm, AccessBatch batch, int index)
    {
        var time = batch.Time[index];
        if (Count == 0)
        {
            First = time;
        }

        Last = time;
        Count++;
        var gpa = batch.Gpa[index];
        if (!batch.Io[index] && gpa >= MaxRamGpa)
        {
            MaxRamGpa = gpa;
            MaxRamGpaAccess = Count - 1;
        }

        if (batch.Vcpu[index] >= plan.Vcpus)
        {
            throw new TraceInputException(plan.AccessInputs[vm].Path, $"access {Count - 1}",
                $"expected a vCPU below {plan.Vcpus}, found {batch.Vcpu[index]}");
        }
    }

    /// <summary>Resolves a snapshot time against this VM's accesses.</summary>
    public readonly long Resolve(SnapshotTime time) => time.Anchor switch
    {
        SnapshotAnchor.Start => Count == 0 ? 0 : First,
        SnapshotAnchor.End => Count == 0 ? 0 : Last + 1,
        _ => time.Value,
    };

    /// <summary>Checks that every RAM access of the VM falls inside <paramref name="ramBytes"/>.</summary>
    /// <exception cref="TraceInputException">An access lies beyond the VM's RAM.</exception>
    public readonly void CheckRam(string path, long ramBytes)
    {
        if (Count > 0 && MaxRamGpa >= (ulong)ramBytes)
        {
            throw new TraceInputException(path, $"access {MaxRamGpaAccess}",
                $"expected a guest-physical address below the VM's RAM size of {ramBytes} bytes, found 0x{MaxRamGpa:X}");
        }
    }
}
