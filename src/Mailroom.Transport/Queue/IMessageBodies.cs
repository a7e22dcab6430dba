namespace Mailroom.Transport.Queue;

/// <summary>Where queued message bodies live (the blob store); the queue holds only their ids.</summary>
public interface IMessageBodies
{
    /// <summary>Writes a body through <paramref name="write"/>; it is on stable storage when the task completes.</summary>
    Task<string> StoreAsync(Func<Stream, Task> write, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string bodyId, CancellationToken cancellationToken);
}
