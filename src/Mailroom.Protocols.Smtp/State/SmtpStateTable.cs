using System.Collections.Frozen;
using static Mailroom.Protocols.Smtp.SmtpState;
using static Mailroom.Protocols.Smtp.SmtpVerb;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// The whole SMTP state chart as data: in each state, the commands allowed and the state a successful one leads to;
/// any other command gets the state's 503 reply. A handler may pick another next state (BDAT LAST → Ready, a
/// transaction that failed → Ready); refusals by the backend keep the state.
/// </summary>
internal static class SmtpStateTable
{
    private static readonly FrozenDictionary<SmtpState, FrozenDictionary<SmtpVerb, SmtpState>> Transitions =
        new Dictionary<SmtpState, Dictionary<SmtpVerb, SmtpState>>
        {
            [Refused] = new() { [Quit] = Refused },

            // RFC 5321 §4.1.4: NOOP, HELP, EXPN, VRFY and RSET work at any time; AUTH and STARTTLS need EHLO first.
            [Connected] = new()
            {
                [Ehlo] = Ready, [Helo] = Ready,
                [Rset] = Connected, [Noop] = Connected, [Help] = Connected, [Vrfy] = Connected, [Expn] = Connected, [Quit] = Connected,
            },
            [Ready] = new()
            {
                [Ehlo] = Ready, [Helo] = Ready, [Mail] = MailGiven,
                [StartTls] = Connected, // RFC 3207 §4.2: the client must EHLO again
                [Auth] = Ready,
                [Rset] = Ready, [Noop] = Ready, [Help] = Ready, [Vrfy] = Ready, [Expn] = Ready, [Quit] = Ready,
            },
            [MailGiven] = new()
            {
                [Rcpt] = RcptGiven, [Ehlo] = Ready, [Helo] = Ready,
                [Rset] = Ready, [Noop] = MailGiven, [Help] = MailGiven, [Vrfy] = MailGiven, [Expn] = MailGiven, [Quit] = MailGiven,
            },
            [RcptGiven] = new()
            {
                [Rcpt] = RcptGiven, [Data] = Ready, [Bdat] = Chunking, [Ehlo] = Ready, [Helo] = Ready,
                [Rset] = Ready, [Noop] = RcptGiven, [Help] = RcptGiven, [Vrfy] = RcptGiven, [Expn] = RcptGiven, [Quit] = RcptGiven,
            },

            // RFC 3030 §2: once chunks flow, only more BDAT (or giving up) makes sense.
            [Chunking] = new()
            {
                [Bdat] = Chunking, [Ehlo] = Ready, [Helo] = Ready,
                [Rset] = Ready, [Noop] = Chunking, [Help] = Chunking, [Quit] = Chunking,
            },
        }.ToFrozenDictionary(s => s.Key, s => s.Value.ToFrozenDictionary());

    private static readonly FrozenDictionary<(SmtpState, SmtpVerb), SmtpReply> SpecificRefusals =
        new Dictionary<(SmtpState, SmtpVerb), SmtpReply>
        {
            [(Ready, Rcpt)] = SmtpReplies.NeedMail,
            [(Ready, Data)] = SmtpReplies.NeedMail,
            [(Ready, Bdat)] = SmtpReplies.NeedMail,
            [(MailGiven, Mail)] = SmtpReplies.SenderAlreadySpecified,
            [(MailGiven, Data)] = SmtpReplies.NeedRcpt,
            [(MailGiven, Bdat)] = SmtpReplies.NeedRcpt,
            [(RcptGiven, Mail)] = SmtpReplies.SenderAlreadySpecified,
        }.ToFrozenDictionary();

    private static readonly FrozenDictionary<SmtpState, SmtpReply> DefaultRefusals = new Dictionary<SmtpState, SmtpReply>
    {
        [Refused] = SmtpReplies.NoSmtpService,
        [Connected] = SmtpReplies.SendHelloFirst,
        [Ready] = SmtpReplies.NeedMail,
        [MailGiven] = SmtpReplies.NotInTransaction,
        [RcptGiven] = SmtpReplies.NotInTransaction,
        [Chunking] = SmtpReplies.BdatInProgress,
    }.ToFrozenDictionary();

    // RFC 3207 §4: with RequireTLS only these work before the handshake; the rest get 530 5.7.0.
    private static readonly FrozenSet<SmtpVerb> AllowedBeforeRequiredTls = new[] { Ehlo, Helo, StartTls, Noop, Rset, Quit, Help }.ToFrozenSet();

    /// <summary>Whether <paramref name="verb"/> may run on a plaintext connection whose policy requires TLS.</summary>
    public static bool AllowedWithoutRequiredTls(SmtpVerb verb) => AllowedBeforeRequiredTls.Contains(verb);

    /// <summary>Whether <paramref name="verb"/> is allowed in <paramref name="state"/>, and where success leads.</summary>
    public static bool TryGetNext(SmtpState state, SmtpVerb verb, out SmtpState next) =>
        Transitions[state].TryGetValue(verb, out next);

    /// <summary>The 503 reply for a command not allowed in <paramref name="state"/>.</summary>
    public static SmtpReply Refusal(SmtpState state, SmtpVerb verb) =>
        SpecificRefusals.TryGetValue((state, verb), out var reply) ? reply : DefaultRefusals[state];

    /// <summary>The verbs allowed in <paramref name="state"/> (for tests and docs).</summary>
    public static IEnumerable<SmtpVerb> Allowed(SmtpState state) => Transitions[state].Keys;
}
