using MemFw.Framework.Host;
using MemFw.Framework.Host.Scenarios;

namespace MemFw.Framework.Tests.Host.Scenarios;

/// <summary><see cref="PressureThresholds.Next"/>: ESX's states at 6/4/2/1% free, falling at once, back to High only at 6%.</summary>
public sealed class PressureThresholdsHysteresisTests
{
    private static readonly PressureThresholds s_esx = PressureThresholds.Esx;

    [Theory]
    [InlineData(0.50, PressureState.High)]
    [InlineData(0.04, PressureState.High)]
    [InlineData(0.039, PressureState.Soft)]
    [InlineData(0.02, PressureState.Soft)]
    [InlineData(0.019, PressureState.Hard)]
    [InlineData(0.01, PressureState.Hard)]
    [InlineData(0.0099, PressureState.Low)]
    [InlineData(0.0, PressureState.Low)]
    public void Next_FromHigh_FallsToTheLowestStateCrossed(double free, PressureState expected) =>
        Assert.Equal(expected, s_esx.Next(PressureState.High, free));

    [Theory]
    [InlineData(PressureState.Soft, 0.05, PressureState.Soft)]
    [InlineData(PressureState.Soft, 0.06, PressureState.High)]
    [InlineData(PressureState.Hard, 0.015, PressureState.Hard)]
    [InlineData(PressureState.Hard, 0.03, PressureState.Soft)]
    [InlineData(PressureState.Hard, 0.045, PressureState.Soft)]
    [InlineData(PressureState.Hard, 0.07, PressureState.High)]
    [InlineData(PressureState.Low, 0.005, PressureState.Low)]
    [InlineData(PressureState.Low, 0.015, PressureState.Hard)]
    [InlineData(PressureState.Low, 0.025, PressureState.Soft)]
    public void Next_FromALowerState_RisesButReturnsToHighOnlyAtTheHighLevel(PressureState from, double free,
        PressureState expected) => Assert.Equal(expected, s_esx.Next(from, free));
}
