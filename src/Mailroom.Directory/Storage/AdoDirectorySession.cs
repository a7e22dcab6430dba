using System.Data.Common;
using System.Runtime.CompilerServices;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Storage;

/// <summary>One connection and transaction of an <see cref="AdoDirectoryStore"/>; SQL shared by both dialects.</summary>
internal sealed class AdoDirectorySession(AdoDirectoryStore store, DbConnection connection, DbTransaction transaction)
    : IDirectoryTransaction
{
    /// <summary>Listing pages by keyset, so no reader stays open while the caller writes (PostgreSQL has no MARS).</summary>
    private const int PageSize = 500;

    public async Task<DirectoryObject?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var cmd = Command("SELECT object_class, data FROM directory_objects WHERE id = @id", ("id", Id(id)));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? DirectoryJson.Deserialize(reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task<Guid?> FindByKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var cmd = Command("SELECT object_id FROM directory_keys WHERE lookup_key = @key", ("key", key));
        return await cmd.ExecuteScalarAsync(cancellationToken) is string id ? Guid.Parse(id) : null;
    }

    public async IAsyncEnumerable<T> ListAsync<T>([EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : DirectoryObject
    {
        var objectClass = ObjectClasses.ClassOf<T>();
        var (lastName, lastId) = (string.Empty, string.Empty);
        while (true)
        {
            var page = new List<(string Name, string Id, string Data)>(PageSize);
            await using (var cmd = Command(
                "SELECT name, id, data FROM directory_objects WHERE object_class = @c AND (name > @n OR (name = @n AND id > @i)) " +
                $"ORDER BY name, id LIMIT {PageSize}",
                ("c", objectClass), ("n", lastName), ("i", lastId)))
            {
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            foreach (var row in page)
            {
                yield return (T)DirectoryJson.Deserialize(objectClass, row.Data);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            (lastName, lastId, _) = page[^1];
        }
    }

    public async Task<string?> GetPasswordHashAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var cmd = Command("SELECT password_hash FROM directory_secrets WHERE object_id = @id", ("id", Id(id)));
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task AddAsync(DirectoryObject obj, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(
            "INSERT INTO directory_objects (id, object_class, name, data) VALUES (@id, @c, @n, @d)",
            cancellationToken, ("id", Id(obj.Guid)), ("c", obj.ObjectClass), ("n", obj.Name), ("d", DirectoryJson.Serialize(obj)));
        await InsertKeysAsync(obj, cancellationToken);
    }

    public async Task UpdateAsync(DirectoryObject obj, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync(
            "UPDATE directory_objects SET name = @n, data = @d WHERE id = @id",
            cancellationToken, ("id", Id(obj.Guid)), ("n", obj.Name), ("d", DirectoryJson.Serialize(obj)));
        if (rows != 1)
        {
            throw new InvalidOperationException($"The object {obj.Guid} no longer exists in the directory.");
        }

        await ExecuteAsync("DELETE FROM directory_keys WHERE object_id = @id", cancellationToken, ("id", Id(obj.Guid)));
        await InsertKeysAsync(obj, cancellationToken);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { "directory_keys", "directory_secrets" })
        {
            await ExecuteAsync($"DELETE FROM {table} WHERE object_id = @id", cancellationToken, ("id", Id(id)));
        }

        await ExecuteAsync("DELETE FROM directory_objects WHERE id = @id", cancellationToken, ("id", Id(id)));
    }

    public Task SetPasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "INSERT INTO directory_secrets (object_id, password_hash) VALUES (@id, @h) " +
            "ON CONFLICT (object_id) DO UPDATE SET password_hash = excluded.password_hash",
            cancellationToken, ("id", Id(id)), ("h", passwordHash));

    internal async Task<int> MigrateAsync(IReadOnlyList<SqlMigration> migrations, CancellationToken cancellationToken)
    {
        await ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)", cancellationToken);
        await using var cmd = Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        var current = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken));
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(migration.Sql, cancellationToken);
            await ExecuteAsync(
                "INSERT INTO schema_migrations (version, name) VALUES (@v, @n)",
                cancellationToken, ("v", migration.Version), ("n", migration.Name));
        }

        return migrations.Count == 0 ? current : Math.Max(current, migrations[^1].Version);
    }

    private async Task InsertKeysAsync(DirectoryObject obj, CancellationToken cancellationToken)
    {
        foreach (var key in obj.DirectoryKeys().Distinct(StringComparer.Ordinal))
        {
            try
            {
                await ExecuteAsync(
                    "INSERT INTO directory_keys (lookup_key, object_id) VALUES (@k, @id)",
                    cancellationToken, ("k", key), ("id", Id(obj.Guid)));
            }
            catch (DbException ex) when (store.IsUniqueViolation(ex))
            {
                throw new DirectoryKeyConflictException(key, ex);
            }
        }
    }

    private static string Id(Guid id) => id.ToString("D");

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(sql, parameters);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }
}
