using System.Buffers;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// RETR and TOP: looks the message up by UID (another client may have expunged it since login), opens its body in the
/// blob store, answers "+OK" and streams the body through <see cref="MessageContentEncoder"/> in 64 KiB reads, flushing
/// after each so the pipe's back-pressure bounds memory. A failure after "+OK" can't be reported any more, so the
/// connection closes instead of sending a truncated message that looks complete.
/// </summary>
internal static class MessageStreamer
{
    private const int ChunkSize = 64 * 1024;

    public static async ValueTask<CommandOutcome> SendAsync(Pop3Session session, int index, int? bodyLines, Pop3Response ok)
    {
        var services = session.Services;
        var maildrop = session.Maildrop!;
        var uid = maildrop.UidAt(index);
        Stream body;
        try
        {
            var page = await services.Store.FetchAsync(maildrop.Folder.Id, new FetchRequest(UidRange.Single(uid)) { Limit = 1 }, session.Aborted).ConfigureAwait(false);
            if (page.Messages.Count == 0)
            {
                session.Reply(Pop3Responses.MessageVanished);
                return CommandOutcome.Refused;
            }

            body = await services.Store.Blobs.OpenReadAsync(page.Messages[0].BlobId, session.Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BlobNotFoundException or FolderNotFoundException or MailboxNotFoundException)
        {
            Pop3Log.MessageUnreadable(services.Logger, session.Id, uid, ex);
            session.Reply(Pop3Responses.TemporaryFailure);
            return CommandOutcome.Refused;
        }

        await using (body.ConfigureAwait(false))
        {
            session.Reply(ok);
            var output = session.Transport.Output;
            var encoder = new MessageContentEncoder(bodyLines);
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
            try
            {
                while (!encoder.IsDone)
                {
                    var read = await body.ReadAsync(buffer.AsMemory(0, ChunkSize), session.Aborted).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    encoder.Encode(buffer.AsSpan(0, read), output);
                    var flushed = await output.FlushAsync(session.Aborted).ConfigureAwait(false);
                    if (flushed.IsCompleted)
                    {
                        return CommandOutcome.Close;
                    }
                }
            }
            catch (IOException ex)
            {
                Pop3Log.MessageUnreadable(services.Logger, session.Id, uid, ex);
                return CommandOutcome.Close;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            encoder.Complete(output);
            services.Telemetry.OctetsRetrieved.Add(encoder.Written);
            session.Transcript.Server($"<{encoder.Written} octets of message content>");
        }

        return CommandOutcome.Accepted;
    }
}
