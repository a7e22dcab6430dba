using Mailroom.Directory.Model;

namespace Mailroom.Directory.Storage;

/// <summary>
/// The directory's persistence: objects with their unique keys, and password hashes kept apart from objects.
/// Every change happens in one <see cref="IDirectoryTransaction"/>, and write transactions are serialized
/// organization-wide, so a business rule checked inside a transaction still holds when it commits.
/// </summary>
public interface IDirectoryStore
{
    /// <summary>Creates or upgrades the schema (numbered migrations).</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> against a consistent read view.</summary>
    Task<T> ReadAsync<T>(Func<IDirectoryReader, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> in one write transaction: committed when it returns, rolled back when it throws.</summary>
    Task<T> WriteAsync<T>(Func<IDirectoryTransaction, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Goes up after every committed write through this store (and whenever <see cref="NoteChange"/> is called), so
    /// caches of directory reads (<see cref="DirectoryReadCache{TKey, TValue}"/>) know at once when to read again.
    /// Writes by other nodes of an array don't move it until they are heard of; caches also expire by age.
    /// </summary>
    long ChangeGeneration { get; }

    /// <summary>Records a change made elsewhere (another node), so caches read again.</summary>
    void NoteChange();
}

public interface IDirectoryReader
{
    Task<DirectoryObject?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The object that holds the unique <paramref name="key"/> (see <see cref="DirectoryKey"/>), if any.</summary>
    Task<Guid?> FindByKeyAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Streams every object of a class in name order, without loading them all at once.</summary>
    IAsyncEnumerable<T> ListAsync<T>(CancellationToken cancellationToken = default)
        where T : DirectoryObject;

    Task<string?> GetPasswordHashAsync(Guid id, CancellationToken cancellationToken = default);
}

public interface IDirectoryTransaction : IDirectoryReader
{
    /// <summary>Adds an object and its keys; a key held by another object throws <see cref="DirectoryKeyConflictException"/>.</summary>
    Task AddAsync(DirectoryObject obj, CancellationToken cancellationToken = default);

    /// <summary>Replaces an object and its keys.</summary>
    Task UpdateAsync(DirectoryObject obj, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);

    Task SetPasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken = default);
}

/// <summary>A unique key (name, address, UPN, …) is already held by another object.</summary>
public sealed class DirectoryKeyConflictException(string key, Exception? inner = null)
    : Exception($"The directory already holds an object with the key '{key}'.", inner)
{
    public string Key { get; } = key;
}
