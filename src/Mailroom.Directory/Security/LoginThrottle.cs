using System.Collections.Concurrent;
using System.Net;

namespace Mailroom.Directory.Security;

/// <summary>
/// Slows down password guessing on every protocol: too many failed sign-ins from one address, or for one account,
/// within a window refuse further attempts until the window has passed. A success clears the account's count.
/// Counting per account as well as per address stops a guesser that spreads over many addresses; the account
/// limit is higher so that one noisy client can't lock a user out of every other client.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const int MaxFailuresPerAddress = 10;
    public const int MaxFailuresPerAccount = 30;

    private readonly ConcurrentDictionary<string, Failures> byKey = new(StringComparer.Ordinal);

    /// <summary>True when this attempt must be refused without checking the password.</summary>
    public bool IsThrottled(string userName, IPAddress? address) =>
        Count(AccountKey(userName)) >= MaxFailuresPerAccount || (address is not null && Count(AddressKey(address)) >= MaxFailuresPerAddress);

    public void RecordFailure(string userName, IPAddress? address)
    {
        Add(AccountKey(userName));
        if (address is not null)
        {
            Add(AddressKey(address));
        }
    }

    public void RecordSuccess(string userName) => byKey.TryRemove(AccountKey(userName), out _);

    /// <summary>The accounts and addresses refused right now, for Get-AuthenticationLockout.</summary>
    public IReadOnlyList<AuthenticationLockout> Lockouts()
    {
        var now = time.GetUtcNow();
        var result = new List<AuthenticationLockout>();
        foreach (var (key, failures) in byKey)
        {
            var isAccount = key.StartsWith("u:", StringComparison.Ordinal);
            var limit = isAccount ? MaxFailuresPerAccount : MaxFailuresPerAddress;
            if (failures.LockedUntil(now - Window, limit) is { } until)
            {
                result.Add(new AuthenticationLockout(key[2..], isAccount ? "Account" : "IPAddress", failures.CountSince(now - Window), until + Window));
            }
        }

        return [.. result.OrderBy(l => l.Identity, StringComparer.Ordinal)];
    }

    /// <summary>Forgets the failures of one account name or address (any of both kinds matching), or of all with null; returns how many were cleared.</summary>
    public int Clear(string? identity)
    {
        if (identity is null)
        {
            var all = byKey.Count;
            byKey.Clear();
            return all;
        }

        var keys = new List<string> { AccountKey(identity) };
        if (IPAddress.TryParse(identity.Trim(), out var address))
        {
            keys.Add(AddressKey(address));
        }

        return keys.Count(k => byKey.TryRemove(k, out _));
    }

    private static string AccountKey(string userName) => "u:" + userName.Trim().ToLowerInvariant();

    private static string AddressKey(IPAddress address) =>
        "a:" + (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private int Count(string key) => byKey.TryGetValue(key, out var f) ? f.CountSince(time.GetUtcNow() - Window) : 0;

    private void Add(string key) => byKey.GetOrAdd(key, _ => new Failures()).Add(time.GetUtcNow(), Window);

    /// <summary>Failure times of one key, pruned as they age out, so memory stays bounded by the limits.</summary>
    private sealed class Failures
    {
        private readonly Queue<DateTimeOffset> times = new();

        public void Add(DateTimeOffset now, TimeSpan window)
        {
            lock (times)
            {
                Prune(now - window);
                if (times.Count < MaxFailuresPerAccount * 2)
                {
                    times.Enqueue(now);
                }
            }
        }

        /// <summary>When the failure that keeps the count at <paramref name="limit"/> happened, or null when under it.</summary>
        public DateTimeOffset? LockedUntil(DateTimeOffset since, int limit)
        {
            lock (times)
            {
                Prune(since);
                return times.Count >= limit ? times.ElementAt(times.Count - limit) : null;
            }
        }

        public int CountSince(DateTimeOffset since)
        {
            lock (times)
            {
                Prune(since);
                return times.Count;
            }
        }

        private void Prune(DateTimeOffset since)
        {
            while (times.Count > 0 && times.Peek() < since)
            {
                times.Dequeue();
            }
        }
    }
}

/// <summary>An account name or client address whose sign-ins are refused until <see cref="LockedUntil"/>.</summary>
public sealed record AuthenticationLockout(string Identity, string LockoutType, int FailedAttempts, DateTimeOffset LockedUntil);
