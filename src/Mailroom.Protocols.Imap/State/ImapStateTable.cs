using System.Collections.Frozen;
using static Mailroom.Protocols.Imap.ImapState;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// RFC 9051 §6's command groups as data: which command names each state accepts, and which accept the UID prefix.
/// A command outside its state gets a tagged BAD and changes nothing; handlers move between states through
/// <see cref="ImapResult.NextState"/>. Adding a command means adding its name here and writing its handler.
/// </summary>
public static class ImapStateTable
{
    // §6.1: any state. ID (RFC 2971 §3.1) too.
    private static readonly string[] AnyState = ["CAPABILITY", "NOOP", "LOGOUT", "ID"];

    // §6.2.
    private static readonly string[] NotAuthenticatedOnly = ["STARTTLS", "AUTHENTICATE", "LOGIN"];

    // §6.3, valid in Selected too. RFC 2177 IDLE, RFC 2342 NAMESPACE, RFC 9208 QUOTA.
    private static readonly string[] AuthenticatedAndSelected =
    [
        "SELECT", "EXAMINE", "CREATE", "DELETE", "RENAME", "SUBSCRIBE", "UNSUBSCRIBE", "LIST", "LSUB", "NAMESPACE",
        "STATUS", "APPEND", "IDLE", "GETQUOTA", "GETQUOTAROOT",
    ];

    // RFC 5161 §3.1: ENABLE only before a mailbox is selected.
    private static readonly string[] AuthenticatedOnly = ["ENABLE"];

    // §6.4. RFC 3691 UNSELECT, RFC 6851 MOVE, RFC 5256 SORT/THREAD.
    private static readonly string[] SelectedOnly =
    [
        "CLOSE", "UNSELECT", "EXPUNGE", "SEARCH", "FETCH", "STORE", "COPY", "MOVE", "CHECK", "SORT", "THREAD", "UID",
    ];

    /// <summary>Commands that take the UID prefix (RFC 9051 §6.4.9, RFC 4315 UID EXPUNGE, RFC 6851, RFC 5256).</summary>
    public static FrozenSet<string> UidCommands { get; } =
        new[] { "FETCH", "STORE", "SEARCH", "COPY", "MOVE", "EXPUNGE", "SORT", "THREAD" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<ImapState, FrozenSet<string>> Allowed = new Dictionary<ImapState, FrozenSet<string>>
    {
        [NotAuthenticated] = AnyState.Concat(NotAuthenticatedOnly).ToFrozenSet(StringComparer.Ordinal),
        [Authenticated] = AnyState.Concat(AuthenticatedAndSelected).Concat(AuthenticatedOnly).ToFrozenSet(StringComparer.Ordinal),
        [Selected] = AnyState.Concat(AuthenticatedAndSelected).Concat(SelectedOnly).ToFrozenSet(StringComparer.Ordinal),
        [Logout] = FrozenSet<string>.Empty,
    }.ToFrozenDictionary();

    /// <summary>Every command name the engine knows, in any state.</summary>
    public static FrozenSet<string> AllCommands { get; } =
        AnyState.Concat(NotAuthenticatedOnly).Concat(AuthenticatedAndSelected).Concat(AuthenticatedOnly).Concat(SelectedOnly)
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="command"/> (upper case, without UID) may run in <paramref name="state"/>.</summary>
    public static bool IsAllowed(ImapState state, string command) => Allowed[state].Contains(command);

    /// <summary>The commands <paramref name="state"/> accepts (for tests and docs).</summary>
    public static IEnumerable<string> AllowedIn(ImapState state) => Allowed[state];

    /// <summary>The tagged BAD text for a known command sent in the wrong state.</summary>
    public static string Refusal(ImapState state, string command) => state switch
    {
        NotAuthenticated => $"{command} needs authentication first",
        Authenticated when SelectedOnly.Contains(command) => $"{command} needs a selected mailbox",
        _ when NotAuthenticatedOnly.Contains(command) => "Already authenticated",
        Selected when AuthenticatedOnly.Contains(command) => $"{command} is not allowed once a mailbox is selected",
        _ => $"{command} is not allowed now",
    };
}
