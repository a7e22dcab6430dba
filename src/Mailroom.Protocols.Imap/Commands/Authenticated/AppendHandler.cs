using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// APPEND mailbox [flags] [date-time] literal (RFC 9051 §6.3.12), with MULTIAPPEND (RFC 3502: several messages, all
/// or none), UIDPLUS's APPENDUID (RFC 4315), APPENDLIMIT (RFC 7889) and the mailbox quota (NO [OVERQUOTA]). Each
/// message literal streams into the blob store as it arrives and is never held in memory.
/// </summary>
internal sealed class AppendHandler : IImapCommandHandler
{
    private const string Syntax = "Syntax: APPEND mailbox [(flags)] [\"date-time\"] {size}";

    public string Name => "APPEND";

    public IEnumerable<string> Capabilities(ImapSession session) => ["MULTIAPPEND", "UIDPLUS"];

    /// <summary>The message literal comes after at least the mailbox name (which may itself be a literal).</summary>
    public bool StreamsLiteral(IReadOnlyList<ImapToken> argumentsSoFar) => argumentsSoFar.Count >= 1;

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryMailbox(session.Utf8, out var name))
        {
            return ImapResult.Bad(Syntax);
        }

        var folder = await session.Store.GetFolderAsync(session.Mailbox, ImapMailboxNames.FromImap(name), session.Aborted).ConfigureAwait(false);
        var quota = await session.Backend.GetQuotaAsync(session.Mailbox, session.Aborted).ConfigureAwait(false);
        var used = quota?.StorageLimitKiB is null ? 0 : (await session.Store.GetUsageAsync(session.Mailbox, session.Aborted).ConfigureAwait(false))?.Size ?? 0;
        var messages = new List<NewMessage>();
        var tokens = args;
        var literal = command.PendingLiteral;
        while (true)
        {
            if (!TryParseMessageOptions(tokens, out var flags, out var keywords, out var date) || literal is not { } spec)
            {
                return ImapResult.Bad(Syntax);
            }

            // Refusals come before the literal is read; the session skips what the client still sends.
            if (folder is null)
            {
                return ImapResult.No("No such mailbox", "TRYCREATE");
            }

            if (spec.Size > session.Options.AppendLimit)
            {
                return ImapResult.No($"The message is larger than the limit of {session.Options.AppendLimit} octets", "TOOBIG");
            }

            if (spec.Size == 0)
            {
                return ImapResult.No("An empty message cannot be appended", "CANNOT");
            }

            used += spec.Size;
            if (quota?.StorageLimitKiB is { } limit && used > limit * 1024)
            {
                return ImapResult.No("The mailbox is over its quota", "OVERQUOTA");
            }

            StoredMessage stored;
            await using (var body = session.OpenLiteral())
            {
                stored = await MessageImport.ImportAsync(session.Blobs, body, session.Aborted).ConfigureAwait(false);
            }

            messages.Add(NewMessage.From(stored, date ?? session.Time.GetUtcNow()) with { Flags = flags, Keywords = Keywords.Normalize(keywords) });
            var part = await session.ContinueCommandAsync().ConfigureAwait(false);
            if (part.Error is not null)
            {
                return ImapResult.Bad(part.Error, part.Code);
            }

            if (part.PendingLiteral is null)
            {
                if (part.Tokens.Count > 0)
                {
                    return ImapResult.Bad(Syntax);
                }

                break;
            }

            tokens = new ImapArgumentReader(part.Tokens);
            literal = part.PendingLiteral;
        }

        var results = messages.Count == 1
            ? [await session.Store.AppendAsync(folder.Id, messages[0], session.Aborted).ConfigureAwait(false)]
            : await session.Store.AppendManyAsync(folder.Id, messages, session.Aborted).ConfigureAwait(false);
        var uids = SequenceSet.Format(results.Select(r => r.Uid).Order());
        return ImapResult.Ok("APPEND completed", $"APPENDUID {results[0].UidValidity} {uids}");
    }

    private static bool TryParseMessageOptions(ImapArgumentReader args, out MessageFlags flags, out List<string> keywords, out DateTimeOffset? date)
    {
        flags = MessageFlags.None;
        keywords = [];
        date = null;
        if (args.Peek is { Kind: ImapTokenKind.List } && (!args.TryList(out var list) || !ImapFlags.TryParse(list, out flags, out keywords)))
        {
            return false;
        }

        if (args.Peek is { Kind: ImapTokenKind.Quoted })
        {
            if (!args.TryString(out var text) || !ImapDateTime.TryParse(text.Text, out var parsed))
            {
                return false;
            }

            date = parsed;
        }

        return args.AtEnd;
    }
}
