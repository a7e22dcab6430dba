using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Directory.Tests.Support;

/// <summary>A store whose write transactions fail (like a full disk) on the Nth mailbox update.</summary>
public sealed class FailingStore(IDirectoryStore inner, int failOnMailboxUpdate) : IDirectoryStore
{
    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<T> ReadAsync<T>(Func<IDirectoryReader, Task<T>> work, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(work, cancellationToken);

    public Task<T> WriteAsync<T>(Func<IDirectoryTransaction, Task<T>> work, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(tx => work(new Transaction(tx, failOnMailboxUpdate)), cancellationToken);

    public long ChangeGeneration => inner.ChangeGeneration;

    public void NoteChange() => inner.NoteChange();

    private sealed class Transaction(IDirectoryTransaction inner, int failOn) : IDirectoryTransaction
    {
        private int mailboxUpdates;

        public Task<DirectoryObject?> GetAsync(Guid id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

        public Task<Guid?> FindByKeyAsync(string key, CancellationToken cancellationToken = default) => inner.FindByKeyAsync(key, cancellationToken);

        public IAsyncEnumerable<T> ListAsync<T>(CancellationToken cancellationToken = default)
            where T : DirectoryObject => inner.ListAsync<T>(cancellationToken);

        public Task<string?> GetPasswordHashAsync(Guid id, CancellationToken cancellationToken = default) => inner.GetPasswordHashAsync(id, cancellationToken);

        public Task AddAsync(DirectoryObject obj, CancellationToken cancellationToken = default) => inner.AddAsync(obj, cancellationToken);

        public Task UpdateAsync(DirectoryObject obj, CancellationToken cancellationToken = default) =>
            obj is Mailbox && ++mailboxUpdates == failOn
                ? throw new IOException("No space left on device")
                : inner.UpdateAsync(obj, cancellationToken);

        public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) => inner.DeleteAsync(id, cancellationToken);

        public Task SetPasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken = default) =>
            inner.SetPasswordHashAsync(id, passwordHash, cancellationToken);
    }
}
