namespace Mailroom.Networking;

/// <summary>Why a <see cref="TimeoutControl"/> fired.</summary>
public enum TimeoutKind
{
    None,

    /// <summary>No command (or SASL response) arrived in time (RFC 5321 §4.5.3.2.7).</summary>
    Idle,

    /// <summary>Message data stopped arriving (RFC 5321 §4.5.3.2.6).</summary>
    Data,

    /// <summary>The connection outlived its maximum lifetime (Exchange ConnectionTimeout).</summary>
    Lifetime,
}

/// <summary>
/// One timer per connection, driven by a <see cref="TimeProvider"/> so tests move a fake clock instead of sleeping.
/// <see cref="Arm"/> before each wait; <see cref="Token"/> is cancelled when the armed period (or the connection's
/// lifetime) passes, or when the connection is aborted. A fired control stays fired: the caller ends the session.
/// </summary>
public sealed class TimeoutControl : IDisposable
{
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;
    private readonly DateTimeOffset? _deadline;
    private volatile int _armed;

    public TimeoutControl(TimeProvider time, CancellationToken aborted, TimeSpan? lifetime = null)
    {
        _time = time;
        _timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _timer.Token);
        _deadline = lifetime is { } l ? time.GetUtcNow() + l : null;
    }

    /// <summary>Cancelled when the armed timeout passes or the connection is aborted.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>What fired, or <see cref="TimeoutKind.None"/> (also when the connection was aborted instead).</summary>
    public TimeoutKind Expired => _timer.IsCancellationRequested ? (TimeoutKind)_armed : TimeoutKind.None;

    /// <summary>Starts (or restarts) the clock for a wait of at most <paramref name="timeout"/>.</summary>
    public void Arm(TimeSpan timeout, TimeoutKind kind)
    {
        var due = timeout;
        var firing = kind;
        if (_deadline is { } deadline && deadline - _time.GetUtcNow() <= timeout)
        {
            due = deadline - _time.GetUtcNow();
            firing = TimeoutKind.Lifetime;
        }

        _armed = (int)firing;
        _timer.CancelAfter(due > TimeSpan.Zero ? due : TimeSpan.FromTicks(1));
    }

    /// <summary>Stops the clock (while the server itself is busy).</summary>
    public void Disarm() => _timer.CancelAfter(Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
