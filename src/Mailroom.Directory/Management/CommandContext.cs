using Mailroom.Directory.Naming;
using Mailroom.Directory.Storage;

namespace Mailroom.Directory.Management;

/// <summary>What a command runs with: the store session, the organization's names, the clock and the caller.</summary>
public sealed class CommandContext(IDirectoryReader reader, OrganizationNames names, TimeProvider time, string serverFqdn, string caller)
{
    public IDirectoryReader Reader { get; } = reader;

    /// <summary>The write transaction; only commands that change configuration get one.</summary>
    public IDirectoryTransaction Writer =>
        Reader as IDirectoryTransaction ?? throw new InvalidOperationException("This command was started read-only.");

    public OrganizationNames Names { get; } = names;

    public TimeProvider Time { get; } = time;

    /// <summary>The FQDN of this node, which Exchange names as the domain controller in lookup errors.</summary>
    public string ServerFqdn { get; } = serverFqdn;

    public string Caller { get; } = caller;

    /// <summary>The caller with its connection, when the command runs for one (the management API sets it).</summary>
    public Caller? Principal { get; init; }

    public DateTime Now => Time.GetUtcNow().UtcDateTime;
}
