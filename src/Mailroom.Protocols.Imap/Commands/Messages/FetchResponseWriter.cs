using System.Buffers;
using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Fetch;
using Mailroom.Protocols.Imap.Formatting;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// Writes one <c>* n FETCH (…)</c> line per message. Everything but literals is built in one reused buffer and handed
/// to the response writer in one piece; body sections are worked out before the line starts (so a failure cannot
/// leave half a response) and then streamed from the blob.
/// </summary>
internal sealed class FetchResponseWriter(ImapSession session, SelectedMailbox view, FetchAttributes attributes, bool isUid, HashSet<uint>? seenNow)
{
    private readonly ArrayBufferWriter<byte> line = new(1024);
    private readonly bool rev1 = !session.IsEnabled(ImapExtensions.Imap4Rev2);
    private readonly TimeZoneInfo zone = TimeZoneInfo.Local;

    public async ValueTask WriteAsync(MessageRecord message, uint sequence)
    {
        var flagsChanged = seenNow?.Contains(message.Uid) == true;
        var flags = flagsChanged ? message.Flags | MessageFlags.Seen : message.Flags;
        Stream? body = null;
        try
        {
            MessageStructure? structure = null;
            List<SectionContent>? sections = null;
            if (attributes.NeedsBody)
            {
                // A small body came with the page (MessageFields.InlineBody); others are opened one at a time.
                body = message.InlineBody is { } inline
                    ? new MemoryStream(inline, writable: false)
                    : await session.Blobs.OpenReadAsync(message.BlobId, session.Aborted).ConfigureAwait(false);
                if (attributes.NeedsStructure)
                {
                    structure = await MessageStructure.ParseAsync(body, session.Aborted).ConfigureAwait(false);
                }

                sections = [];
                foreach (var item in attributes.Items)
                {
                    if (IsSection(item.Kind))
                    {
                        sections.Add(await SectionExtractor.ExtractAsync(body, structure, item, session.Aborted).ConfigureAwait(false));
                    }
                }
            }

            await WriteLineAsync(message, sequence, flags, flagsChanged, structure, sections).ConfigureAwait(false);
        }
        finally
        {
            if (body is not null)
            {
                await body.DisposeAsync().ConfigureAwait(false);
            }
        }

        await session.Writer.FlushIfNeededAsync(session.Aborted).ConfigureAwait(false);
    }

    private async ValueTask WriteLineAsync(MessageRecord message, uint sequence, MessageFlags flags, bool flagsChanged, MessageStructure? structure, List<SectionContent>? sections)
    {
        var utf8 = session.Utf8;
        line.ResetWrittenCount();
        line.WriteAscii("* ");
        line.WriteNumber(sequence);
        line.WriteAscii(" FETCH (");
        var first = true;

        // RFC 9051 §6.4.9: UID FETCH always includes UID; RFC 7162 §3.2.4: so does every FETCH under QRESYNC.
        if (!attributes.HasUid && (isUid || session.IsEnabled(ImapExtensions.QResync)))
        {
            Item("UID ", ref first);
            line.WriteNumber(message.Uid);
        }

        var writeFlags = attributes.HasFlags || flagsChanged;
        var sectionIndex = 0;
        foreach (var item in attributes.Items)
        {
            switch (item.Kind)
            {
                case FetchItemKind.Uid:
                    Item("UID ", ref first);
                    line.WriteNumber(message.Uid);
                    break;
                case FetchItemKind.Flags:
                    break;
                case FetchItemKind.InternalDate:
                    Item("INTERNALDATE ", ref first);
                    line.WriteDateTime(TimeZoneInfo.ConvertTime(message.InternalDate, zone));
                    break;
                case FetchItemKind.Rfc822Size:
                    Item("RFC822.SIZE ", ref first);
                    line.WriteNumber((ulong)message.Size);
                    break;
                case FetchItemKind.Envelope:
                    Item("ENVELOPE ", ref first);
                    EnvelopeWriter.Write(line, message.EnvelopeData, utf8);
                    break;
                case FetchItemKind.Body or FetchItemKind.BodyStructure:
                    Item(item.Kind == FetchItemKind.Body ? "BODY " : "BODYSTRUCTURE ", ref first);
                    BodyStructureWriter.Write(line, structure!, extensible: item.Kind == FetchItemKind.BodyStructure, utf8);
                    break;
                case FetchItemKind.BinarySize:
                    Item(item.ResponseName + " ", ref first);
                    var size = sections![sectionIndex++];
                    if (size.IsNil)
                    {
                        line.WriteNil();
                    }
                    else
                    {
                        line.WriteNumber((ulong)size.Length);
                    }

                    break;
                case FetchItemKind.ModSeq:
                    break;
                case FetchItemKind.EmailId:
                    // RFC 8474: copies of one message share their body, so the body's id names the message.
                    Item("EMAILID (M", ref first);
                    line.WriteAscii(message.BlobId.Hex[..24]);
                    line.WriteByte((byte)')');
                    break;
                case FetchItemKind.ThreadId:
                    Item("THREADID NIL", ref first);
                    break;
                default:
                    Item(item.ResponseName + " ", ref first);
                    var content = sections![sectionIndex++];
                    if (content.IsNil)
                    {
                        line.WriteNil();
                    }
                    else
                    {
                        session.Writer.Raw(line.WrittenSpan);
                        line.ResetWrittenCount();
                        await content.WriteLiteralAsync(session.Writer, item.Kind == FetchItemKind.Binary && content.HasNul, session.Aborted).ConfigureAwait(false);
                    }

                    break;
            }
        }

        if (writeFlags)
        {
            Item("FLAGS ", ref first);
            WriteFlags(flags, message.Keywords, rev1 && view.IsRecent(message.Uid));
        }

        // RFC 7162 §3.1.4.1: MODSEQ when asked for, and with every FLAGS once CONDSTORE is on.
        if (attributes.HasModSeq || (writeFlags && session.IsEnabled(ImapExtensions.CondStore)))
        {
            Item("MODSEQ (", ref first);
            line.WriteNumber(message.ModSeq);
            line.WriteByte((byte)')');
        }

        line.WriteAscii(")\r\n");
        session.Writer.Raw(line.WrittenSpan);
    }

    private static bool IsSection(FetchItemKind kind) => kind is FetchItemKind.BodySection or FetchItemKind.Binary or FetchItemKind.BinarySize
        or FetchItemKind.Rfc822 or FetchItemKind.Rfc822Header or FetchItemKind.Rfc822Text;

    private void Item(string name, ref bool first)
    {
        if (!first)
        {
            line.WriteByte((byte)' ');
        }

        first = false;
        line.WriteAscii(name);
    }

    private void WriteFlags(MessageFlags flags, IReadOnlyList<string> keywords, bool recent)
    {
        line.WriteByte((byte)'(');
        var first = true;
        foreach (var (flag, name) in FlagNames)
        {
            if ((flags & flag) != 0)
            {
                Item(name, ref first);
            }
        }

        if (recent)
        {
            Item("\\Recent", ref first);
        }

        foreach (var keyword in keywords)
        {
            Item(keyword, ref first);
        }

        line.WriteByte((byte)')');
    }

    private static readonly (MessageFlags Flag, string Name)[] FlagNames =
    [
        (MessageFlags.Answered, "\\Answered"),
        (MessageFlags.Flagged, "\\Flagged"),
        (MessageFlags.Deleted, "\\Deleted"),
        (MessageFlags.Seen, "\\Seen"),
        (MessageFlags.Draft, "\\Draft"),
    ];
}
