using System.IO.Pipelines;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Transport.Queue;

namespace Mailroom.Transport.Delivery;

/// <summary>
/// Queued bodies live in the mailbox store's blob store, so local delivery shares the one stored copy. The blob
/// store reads a stream; a pipe turns the SMTP session's pushed chunks into that stream without buffering the message.
/// </summary>
public sealed class BlobMessageBodies(IBlobStore blobs) : IMessageBodies
{
    public IBodyWriter CreateWriter(CancellationToken cancellationToken) => new Writer(blobs, cancellationToken);

    public async Task<Stream> OpenReadAsync(string bodyId, CancellationToken cancellationToken) =>
        await blobs.OpenReadAsync(BlobId.Parse(bodyId), cancellationToken);

    private sealed class Writer : IBodyWriter
    {
        private readonly Pipe pipe = new(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        private readonly Task<BlobInfo> put;
        private bool finished;

        public Writer(IBlobStore blobs, CancellationToken cancellationToken)
        {
            Stream = pipe.Writer.AsStream();
            put = Task.Run(() => blobs.PutAsync(pipe.Reader.AsStream(), cancellationToken), cancellationToken);
        }

        public Stream Stream { get; }

        public async Task<string> CompleteAsync()
        {
            finished = true;
            await pipe.Writer.CompleteAsync();
            return (await put).Id.ToString();
        }

        public async Task AbortAsync()
        {
            if (finished)
            {
                return;
            }

            finished = true;
            await pipe.Writer.CompleteAsync(new OperationCanceledException("The message was not accepted."));
            try
            {
                await put;
            }
            catch (Exception)
            {
                // Expected: the put was cut off on purpose. An unfinished temporary file is swept later.
            }
        }

        public async ValueTask DisposeAsync() => await AbortAsync();
    }
}
