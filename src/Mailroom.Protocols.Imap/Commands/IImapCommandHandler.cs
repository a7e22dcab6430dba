using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// Runs one IMAP command. One class per command, found by <see cref="ImapCommandHandlers"/> (any non-abstract class of
/// this assembly implementing this interface with a parameterless constructor; handlers are singletons, so keep
/// per-session state on <see cref="ImapSession"/>). The session has already checked the tag, that
/// <see cref="Name"/> is allowed in its state (<see cref="ImapStateTable"/>) and that a UID prefix is allowed.
/// See docs/imap.md, "Writing a command handler".
/// </summary>
public interface IImapCommandHandler
{
    /// <summary>The command name in upper case, as in <see cref="ImapStateTable"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Parses <see cref="ImapCommand.Arguments"/>, does the work, writes untagged responses through
    /// <see cref="ImapSession.Writer"/> and returns the completion. Bad syntax returns <see cref="ImapResult.Bad"/>
    /// before changing anything. Store exceptions other than the expected ones (folder gone, …) may propagate: the
    /// session answers <c>NO [SERVERBUG]</c> and carries on.
    /// </summary>
    ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command);

    /// <summary>The CAPABILITY atoms this command contributes, given the session's state (e.g. "SORT", "MOVE").</summary>
    IEnumerable<string> Capabilities(ImapSession session) => [];

    /// <summary>
    /// Whether a literal announced at the top level after <paramref name="argumentsSoFar"/> is streamed to the handler
    /// rather than tokenized (APPEND's message). The reader then stops and hands the command over with
    /// <see cref="ImapCommand.PendingLiteral"/> set.
    /// </summary>
    bool StreamsLiteral(IReadOnlyList<ImapToken> argumentsSoFar) => false;
}
