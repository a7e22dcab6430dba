namespace Mailroom.Transport.Queue;

/// <summary>Where queued message bodies live (the blob store); the queue holds only their ids.</summary>
public interface IMessageBodies
{
    /// <summary>Starts a body; write it to <see cref="IBodyWriter.Stream"/> as it arrives.</summary>
    IBodyWriter CreateWriter(CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string bodyId, CancellationToken cancellationToken);
}

/// <summary>A body being stored.</summary>
public interface IBodyWriter : IAsyncDisposable
{
    Stream Stream { get; }

    /// <summary>Ends the body; returns its id once it is on stable storage.</summary>
    Task<string> CompleteAsync();

    /// <summary>Drops the body (size exceeded, connection lost, message refused).</summary>
    Task AbortAsync();
}
