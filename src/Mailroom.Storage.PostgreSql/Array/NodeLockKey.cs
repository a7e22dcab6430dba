using System.Security.Cryptography;
using System.Text;

namespace Mailroom.Storage.PostgreSql.Array;

/// <summary>
/// The session-level advisory lock a running node holds on its link connection, one per server name. PostgreSQL
/// frees it the moment the node's connection ends (process killed, machine gone once TCP keepalive notices), so
/// "is EX2 alive" is "is EX2's lock held", readable by every node from <c>pg_locks</c>.
/// </summary>
public static class NodeLockKey
{
    /// <summary>
    /// 62 bits of SHA-256 over the upper-cased name: non-negative, so the (classid, objid) halves pg_locks shows put
    /// back together without overflow, and far from the small constants other advisory locks use.
    /// </summary>
    public static long Of(string serverName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("mailroom/node/" + serverName.ToUpperInvariant()));
        return (long)(BitConverter.ToUInt64(hash, 0) & 0x3FFF_FFFF_FFFF_FFFFUL) | 0x1000_0000_0000_0000L;
    }

    /// <summary>Bigint advisory locks held in this database; a bigint key shows as classid (high half), objid (low half), objsubid 1.</summary>
    public const string HeldKeysSql =
        "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks " +
        "WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
}

/// <summary>Another live node already runs under this server name on the same store.</summary>
public sealed class DuplicateNodeException(string serverName)
    : InvalidOperationException(
        $"Another node named \"{serverName}\" is already running on this store (it holds the server's lock). Stop it first, " +
        $"or give this node its own name with Mailroom:Server:Name. Nothing was changed.")
{
    public string ServerName { get; } = serverName;
}
