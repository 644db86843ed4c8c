namespace MemFw.Framework.Host;

/// <summary>
/// The free-memory fractions that set the host's <see cref="PressureState"/>: below <see cref="Soft"/> the host is in
/// Soft, below <see cref="Hard"/> in Hard, below <see cref="Low"/> in Low; it climbs back to a state only when free
/// memory reaches the threshold of the state above (<see cref="High"/> to return to High), which keeps it from
/// flapping at a boundary.
/// </summary>
/// <param name="High">The free fraction at which the host returns to High.</param>
/// <param name="Soft">Below this the host is in Soft (ballooning).</param>
/// <param name="Hard">Below this the host is in Hard (VMM swapping).</param>
/// <param name="Low">Below this the host is in Low (swapping and blocking VMs above target).</param>
public sealed record PressureThresholds(double High, double Soft, double Hard, double Low)
{
    /// <summary>
    /// ESX's defaults: high/soft/hard/low at 6/4/2/1% free (Waldspurger, OSDI 2002, section 6; the hysteresis reading
    /// of the four thresholds is ours where the paper is brief [U]).
    /// </summary>
    public static PressureThresholds Esx { get; } = new(0.06, 0.04, 0.02, 0.01);

    /// <summary>Checks that 1 &gt; High &gt;= Soft &gt; Hard &gt; Low &gt;= 0.</summary>
    /// <exception cref="ArgumentException">The thresholds are out of order or out of range.</exception>
    public void Validate()
    {
        if (!(High < 1 && High >= Soft && Soft > Hard && Hard > Low && Low >= 0))
        {
            throw new ArgumentException(
                $"expected free-memory thresholds 1 > high >= soft > hard > low >= 0, found {High}, {Soft}, {Hard}, {Low}");
        }
    }

    /// <summary>The state for free fraction <paramref name="free"/>, coming from state <paramref name="current"/>.</summary>
    public PressureState Next(PressureState current, double free)
    {
        // Falling: the lowest state whose threshold free memory is under.
        var fallen = free < Low ? PressureState.Low
            : free < Hard ? PressureState.Hard
            : free < Soft ? PressureState.Soft
            : PressureState.High;
        if (fallen >= current)
        {
            return fallen;
        }

        // Climbing: one state at a time, and only past the threshold of the state above.
        var state = current;
        while (state > PressureState.High && free >= ClimbThreshold(state))
        {
            state--;
        }

        return state;
    }

    private double ClimbThreshold(PressureState from) => from switch
    {
        PressureState.Low => Hard,
        PressureState.Hard => Soft,
        _ => High,
    };
}
