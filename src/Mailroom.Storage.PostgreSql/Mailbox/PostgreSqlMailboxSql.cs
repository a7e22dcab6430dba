using System.Data;
using System.Data.Common;
using Mailroom.Mailboxes.Storage;
using Npgsql;

namespace Mailroom.Storage.PostgreSql;

/// <summary>
/// The mailbox index shared by an array of nodes. Plain READ COMMITTED: writers to one mailbox serialize on its row
/// (the shared SQL updates it first), so deliveries to different mailboxes run in parallel on every node.
/// </summary>
internal sealed class PostgreSqlMailboxSql(NpgsqlDataSource dataSource, TimeProvider? time) : MailboxSqlProvider(time)
{
    /// <summary>The advisory lock key of mailbox schema migrations ("MRMBX" in ASCII).</summary>
    private const long MigrationLock = 0x4D524D4258;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public override IReadOnlyList<MailboxMigration> Migrations => PostgreSqlMailboxMigrations.All;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await DataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    protected override Task LockForMigrationAsync(SqlSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync($"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override string ContainsSql(string column, string parameter) => $"strpos({column}, {parameter}) > 0";
}
