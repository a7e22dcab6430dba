using System.Collections.Concurrent;
using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3.Tests;

/// <summary>Users in memory (alice/secret owns <see cref="AliceMailbox"/>); records what the engine told it.</summary>
internal sealed class FakePop3Backend : IPop3Backend
{
    public static readonly Guid AliceMailbox = Guid.Parse("6f1c1c49-0b0e-4b1e-9d6c-2f3a8a6c0001");

    public Dictionary<string, (string Password, Guid Mailbox)> Users { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alice"] = ("secret", AliceMailbox),
    };

    public bool Throw { get; set; }

    public ConcurrentQueue<SaslCredentials> Attempts { get; } = new();

    public ConcurrentQueue<Pop3Session> LoggedIn { get; } = new();

    public int Ended => _ended;

    private int _ended;

    public ValueTask<Pop3LoginResult> AuthenticateAsync(Pop3Session session, SaslCredentials credentials, CancellationToken cancellationToken)
    {
        if (Throw)
        {
            throw new InvalidOperationException("directory down");
        }

        Attempts.Enqueue(credentials);
        return ValueTask.FromResult(Users.TryGetValue(credentials.UserName, out var user) && user.Password == credentials.Password
            ? Pop3LoginResult.Success(user.Mailbox, credentials.UserName)
            : Pop3LoginResult.Failure());
    }

    public ValueTask LoggedInAsync(Pop3Session session, CancellationToken cancellationToken)
    {
        LoggedIn.Enqueue(session);
        return ValueTask.CompletedTask;
    }

    public ValueTask SessionEndedAsync(Pop3Session session)
    {
        Interlocked.Increment(ref _ended);
        return ValueTask.CompletedTask;
    }
}
