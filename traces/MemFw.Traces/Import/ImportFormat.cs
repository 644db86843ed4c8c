namespace MemFw.Traces.Import;

/// <summary>The capture formats <c>memfw trace import</c> converts, with their command-line names.</summary>
public enum ImportFormat
{
    /// <summary><c>qemu</c>: 16-byte binary records of a QEMU TCG memory-access plugin.</summary>
    Qemu,

    /// <summary><c>lackey</c>: the output of <c>valgrind --tool=lackey --trace-mem=yes</c>.</summary>
    Lackey,

    /// <summary><c>vmsim</c>: text lines <c>&lt;hex address&gt; &lt;R|W&gt;</c> of page-replacement simulators.</summary>
    Vmsim,

    /// <summary><c>raw-ram</c>: flat images of guest-physical memory (QEMU <c>pmemsave</c>), one per snapshot.</summary>
    RawRam,
}
