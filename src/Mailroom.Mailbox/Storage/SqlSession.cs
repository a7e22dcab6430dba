using System.Data.Common;
using Mailroom.Mailboxes.Blobs;

namespace Mailroom.Mailboxes.Storage;

/// <summary>
/// A connection (and, for writes, its transaction) with the few command helpers the shared SQL needs. Values are
/// converted in one place so both dialects see the same types: unsigned and boolean numbers as 64-bit integers,
/// ids as text, instants as Unix milliseconds.
/// </summary>
public sealed class SqlSession(DbConnection connection, DbTransaction? transaction)
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction? Transaction { get; } = transaction;

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = ToDb(value);
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql, parameters);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql, parameters);
        var value = await cmd.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public async Task<long?> Int64Async(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await ScalarAsync(sql, cancellationToken, parameters) is { } value ? Convert.ToInt64(value) : null;

    /// <summary>Reads every row; callers keep result sets small with LIMIT, as no reader may stay open while they write.</summary>
    public async Task<List<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        uint u => (long)u,
        ulong u => checked((long)u),
        int i => (long)i,
        bool b => b ? 1L : 0L,
        Guid g => g.ToString("D"),
        BlobId b => b.Hex,
        DateTimeOffset d => d.ToUnixTimeMilliseconds(),
        Enum e => Convert.ToInt64(e),
        _ => value,
    };

    public static DateTimeOffset ToInstant(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}
