using Mailroom.Directory.Storage;
using Mailroom.Storage.PostgreSql;
using Mailroom.Storage.Sqlite;

namespace Mailroom.Server.Hosting;

/// <summary>The one place that picks a concrete store: SQLite in the data folder, or a shared PostgreSQL.</summary>
public static class DirectoryStoreFactory
{
    public static IDirectoryStore Create(MailroomOptions.StoreOptions store, string dataPath) =>
        store.Provider.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteDirectoryStore(store.ConnectionString is { Length: > 0 } path ? path : Path.Combine(dataPath, "mailroom.db")),
            "postgresql" => new PostgreSqlDirectoryStore(store.ConnectionString is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException("Mailroom:Store:Provider is PostgreSql, so Mailroom:Store:ConnectionString must be set.")),
            _ => throw new InvalidOperationException($"Mailroom:Store:Provider \"{store.Provider}\" isn't known; use Sqlite or PostgreSql."),
        };
}
