using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp.Tests;

public sealed class TimeoutControlTests
{
    [Fact]
    public void Fires_when_the_armed_period_passes()
    {
        var time = new ManualTimeProvider();
        using var control = new TimeoutControl(time, CancellationToken.None);
        control.Arm(TimeSpan.FromMinutes(5), TimeoutKind.Idle);
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(control.Token.IsCancellationRequested);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(control.Token.IsCancellationRequested);
        Assert.Equal(TimeoutKind.Idle, control.Expired);
    }

    [Fact]
    public void Rearming_restarts_the_clock_and_disarming_stops_it()
    {
        var time = new ManualTimeProvider();
        using var control = new TimeoutControl(time, CancellationToken.None);
        control.Arm(TimeSpan.FromMinutes(5), TimeoutKind.Idle);
        time.Advance(TimeSpan.FromMinutes(4));
        control.Arm(TimeSpan.FromMinutes(3), TimeoutKind.Data);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(control.Token.IsCancellationRequested);
        control.Disarm();
        time.Advance(TimeSpan.FromHours(1));
        Assert.False(control.Token.IsCancellationRequested);
        Assert.Equal(TimeoutKind.None, control.Expired);
    }

    [Fact]
    public void The_lifetime_caps_every_wait()
    {
        var time = new ManualTimeProvider();
        using var control = new TimeoutControl(time, CancellationToken.None, lifetime: TimeSpan.FromMinutes(10));
        time.Advance(TimeSpan.FromMinutes(8));
        control.Arm(TimeSpan.FromMinutes(5), TimeoutKind.Idle);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(control.Token.IsCancellationRequested);
        Assert.Equal(TimeoutKind.Lifetime, control.Expired);
    }

    [Fact]
    public async Task Abort_cancels_without_a_timeout()
    {
        using var aborted = new CancellationTokenSource();
        using var control = new TimeoutControl(new ManualTimeProvider(), aborted.Token);
        control.Arm(TimeSpan.FromMinutes(5), TimeoutKind.Idle);
        await aborted.CancelAsync();
        Assert.True(control.Token.IsCancellationRequested);
        Assert.Equal(TimeoutKind.None, control.Expired);
    }
}
