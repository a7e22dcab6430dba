using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// CLOSE (RFC 9051 §6.4.1): silently expunges \Deleted messages (unless read-only), then leaves the Selected state.
/// </summary>
internal sealed class CloseHandler : IImapCommandHandler
{
    public string Name => "CLOSE";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        if (command.Arguments.Count > 0)
        {
            return ImapResult.Bad("CLOSE takes no arguments");
        }

        var view = session.Selected!;
        if (!view.ReadOnly)
        {
            await ExpungeHandler.ExpungeAsync(session, view, [UidRange.All], silent: true).ConfigureAwait(false);
        }

        session.SetSelected(null);
        return ImapResult.Ok("CLOSE completed").WithState(ImapState.Authenticated);
    }
}

/// <summary>UNSELECT (RFC 3691, RFC 9051 §6.4.2): leaves the Selected state without expunging.</summary>
internal sealed class UnselectHandler : IImapCommandHandler
{
    public string Name => "UNSELECT";

    public IEnumerable<string> Capabilities(ImapSession session) => ["UNSELECT"];

    public ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        if (command.Arguments.Count > 0)
        {
            return ValueTask.FromResult(ImapResult.Bad("UNSELECT takes no arguments"));
        }

        session.SetSelected(null);
        return ValueTask.FromResult(ImapResult.Ok("UNSELECT completed").WithState(ImapState.Authenticated));
    }
}
