using System.Buffers;
using Mailroom.Protocols.Imap.Parsing;
using Mailroom.Protocols.Imap.Search;
using Mailroom.Protocols.Imap.Threading;

namespace Mailroom.Protocols.Imap;

/// <summary>THREAD and UID THREAD (RFC 5256 §4): <c>THREAD algorithm charset search-keys</c>, REFERENCES or ORDEREDSUBJECT.</summary>
internal sealed class ThreadHandler : IImapCommandHandler
{
    public string Name => "THREAD";

    public IEnumerable<string> Capabilities(ImapSession session) => ["THREAD=REFERENCES", "THREAD=ORDEREDSUBJECT"];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        bool references;
        SearchQuery query;
        try
        {
            if (command.Arguments.Count < 3 || command.Arguments[0].Kind != ImapTokenKind.Atom)
            {
                throw new ArgumentSyntaxException("Syntax: THREAD algorithm charset search-keys");
            }

            var algorithm = command.Arguments[0];
            references = algorithm.IsAtom("REFERENCES");
            if (!references && !algorithm.IsAtom("ORDEREDSUBJECT"))
            {
                throw new ArgumentSyntaxException($"Unknown threading algorithm {algorithm}.");
            }

            query = SearchParser.ParseWithCharset(command.Arguments, 1);
        }
        catch (ArgumentSyntaxException ex)
        {
            return ex.IsRefusal ? ImapResult.No(ex.Message, ex.ResponseCode) : ImapResult.Bad(ex.Message, ex.ResponseCode);
        }

        var messages = new List<ThreadMessage>();
        await SearchRunner.RunAsync(session, session.Selected!, query.Key, needHeaders: true, (message, sequence) =>
        {
            messages.Add(ThreadMessage.From(message, sequence, command.IsUid ? message.Uid : sequence));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        var threads = references ? ReferencesThreader.Thread(messages) : OrderedSubjectThreader.Thread(messages);
        var buffer = new ArrayBufferWriter<byte>();
        ThreadWriter.Write(buffer, threads);
        session.Writer.Raw(buffer.WrittenSpan);
        return ImapResult.Ok(command.IsUid ? "UID THREAD completed" : "THREAD completed");
    }
}
