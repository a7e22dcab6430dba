using System.Collections.Frozen;
using static Mailroom.Protocols.Pop3.Pop3State;
using static Mailroom.Protocols.Pop3.Pop3Verb;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// The POP3 state chart as data: in each state, the commands allowed and the state a successful one leads to. Any other
/// known command gets the state's refusal. Handlers may choose another next state (a failed PASS goes back to
/// AUTHORIZATION); QUIT ends the session in every state.
/// </summary>
internal static class Pop3StateTable
{
    private static readonly FrozenDictionary<Pop3State, FrozenDictionary<Pop3Verb, Pop3State>> Transitions =
        new Dictionary<Pop3State, Dictionary<Pop3Verb, Pop3State>>
        {
            // RFC 1939 §4; CAPA is allowed in both states (RFC 2449 §5), STLS only here (RFC 2595 §4).
            [Authorization] = new()
            {
                [User] = UserGiven, [Auth] = Transaction, [Capa] = Authorization, [Stls] = Authorization, [Quit] = Authorization,
            },
            [UserGiven] = new()
            {
                [Pass] = Transaction, [User] = UserGiven, [Capa] = UserGiven, [Quit] = UserGiven,
            },
            [Transaction] = new()
            {
                [Stat] = Transaction, [List] = Transaction, [Retr] = Transaction, [Dele] = Transaction, [Noop] = Transaction,
                [Rset] = Transaction, [Top] = Transaction, [Uidl] = Transaction, [Capa] = Transaction, [Quit] = Update,
            },
            [Update] = new(),
        }.ToFrozenDictionary(s => s.Key, s => s.Value.ToFrozenDictionary());

    /// <summary>Whether <paramref name="verb"/> is allowed in <paramref name="state"/>, and where success leads.</summary>
    public static bool TryGetNext(Pop3State state, Pop3Verb verb, out Pop3State next) => Transitions[state].TryGetValue(verb, out next);

    /// <summary>The answer to a known command in the wrong state.</summary>
    public static Pop3Response Refusal(Pop3State state, Pop3Verb verb) => (state, verb) switch
    {
        (Transaction, User or Pass or Auth or Stls) => Pop3Responses.AlreadyAuthenticated,
        (Authorization, Pass) => Pop3Responses.UserFirst,
        _ => Pop3Responses.NotInThisState,
    };

    /// <summary>The verbs allowed in <paramref name="state"/> (for tests and docs).</summary>
    public static IEnumerable<Pop3Verb> Allowed(Pop3State state) => Transitions[state].Keys;
}
