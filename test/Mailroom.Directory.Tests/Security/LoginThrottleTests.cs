using System.Net;
using Mailroom.Directory.Security;
using Microsoft.Extensions.Time.Testing;

namespace Mailroom.Directory.Tests.Security;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void AnAddressIsRefusedAfterTooManyFailuresUntilTheWindowPasses()
    {
        var throttle = new LoginThrottle(time);
        var attacker = IPAddress.Parse("192.0.2.9");
        for (var i = 0; i < LoginThrottle.MaxFailuresPerAddress; i++)
        {
            Assert.False(throttle.IsThrottled($"user{i}", attacker));
            throttle.RecordFailure($"user{i}", attacker);
        }

        Assert.True(throttle.IsThrottled("someone-else", attacker));
        Assert.True(throttle.IsThrottled("someone-else", IPAddress.Parse("::ffff:192.0.2.9")));
        Assert.False(throttle.IsThrottled("someone-else", IPAddress.Parse("192.0.2.10")));
        time.Advance(LoginThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsThrottled("someone-else", attacker));
    }

    [Fact]
    public void AnAccountGuessedFromManyAddressesIsRefusedAndASuccessClearsIt()
    {
        var throttle = new LoginThrottle(time);
        for (var i = 0; i < LoginThrottle.MaxFailuresPerAccount; i++)
        {
            throttle.RecordFailure("Alice@contoso.com", IPAddress.Parse($"198.51.100.{i + 1}"));
        }

        Assert.True(throttle.IsThrottled("alice@CONTOSO.com", IPAddress.Parse("203.0.113.1")));
        throttle.RecordSuccess("alice@contoso.com");
        Assert.False(throttle.IsThrottled("alice@contoso.com", IPAddress.Parse("203.0.113.1")));
    }

    [Fact]
    public void LockoutsAreListedWithTheirEndAndCanBeCleared()
    {
        var throttle = new LoginThrottle(time);
        var start = time.GetUtcNow();
        for (var i = 0; i < LoginThrottle.MaxFailuresPerAccount; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            throttle.RecordFailure("Alice@contoso.com", IPAddress.Parse($"198.51.100.{(i % 20) + 1}"));
        }

        throttle.RecordFailure("bob@contoso.com", IPAddress.Parse("198.51.100.1"));
        var alice = Assert.Single(throttle.Lockouts());
        Assert.Equal(("alice@contoso.com", "Account", 30), (alice.Identity, alice.LockoutType, alice.FailedAttempts));
        Assert.Equal(start + TimeSpan.FromSeconds(1) + LoginThrottle.Window, alice.LockedUntil);

        Assert.Equal(0, throttle.Clear("carol@contoso.com"));
        Assert.Equal(1, throttle.Clear("ALICE@contoso.com"));
        Assert.Empty(throttle.Lockouts());
        Assert.False(throttle.IsThrottled("alice@contoso.com", null));
        Assert.Equal(1, throttle.Clear("198.51.100.1"));
        Assert.True(throttle.Clear(null) > 0);
    }
}
