using Mailroom.Addressing;
using Mailroom.Directory.Commands.Mailboxes;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Databases;

public sealed class SetMailboxDatabaseCommand : ManagementCommand
{
    public override string Name => "Set-MailboxDatabase";

    protected override IEnumerable<string> Parameters =>
    [
        "Identity", "Name", "RpcClientAccessServer", "IssueWarningQuota", "ProhibitSendQuota", "ProhibitSendReceiveQuota",
        "MountAtStartup", "IsExcludedFromProvisioning",
    ];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var database = await IdentityResolver.ResolveAsync<MailboxDatabase>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        var oldName = database.Name;
        if (parameters.String("Name") is { } name)
        {
            database.Name = DirectoryWrites.ValidName(name);
            database.DistinguishedName = context.Names.Database(database.Name);
            database.ExchangeLegacyDN = context.Names.DatabaseLegacyDN(database.Server, database.Name);
        }

        if (parameters.String("RpcClientAccessServer") is { } rpc)
        {
            database.RpcClientAccessServer = await RpcEndpointAsync(context, rpc, cancellationToken);
        }

        database.IssueWarningQuota = parameters.Quota("IssueWarningQuota") ?? database.IssueWarningQuota;
        database.ProhibitSendQuota = parameters.Quota("ProhibitSendQuota") ?? database.ProhibitSendQuota;
        database.ProhibitSendReceiveQuota = parameters.Quota("ProhibitSendReceiveQuota") ?? database.ProhibitSendReceiveQuota;
        QuotaRules.Validate(database.IssueWarningQuota, database.ProhibitSendQuota, database.ProhibitSendReceiveQuota);
        database.MountAtStartup = parameters.Bool("MountAtStartup") ?? database.MountAtStartup;
        database.IsExcludedFromProvisioning = parameters.Bool("IsExcludedFromProvisioning") ?? database.IsExcludedFromProvisioning;
        await DirectoryWrites.UpdateAsync(context, database, cancellationToken);
        if (oldName != database.Name)
        {
            await RenameInMailboxesAsync(context, oldName, database.Name, cancellationToken);
        }

        return Nothing();
    }

    /// <summary>
    /// A known server or array (by name or FQDN) becomes its FQDN; any other host name is taken as given, since
    /// Exchange 2013+ keeps the value only for clients to read.
    /// </summary>
    private static async Task<string> RpcEndpointAsync(CommandContext context, string value, CancellationToken cancellationToken)
    {
        if ((await IdentityResolver.FindAsync<ClientAccessArray>(context, value, cancellationToken)) is [var array])
        {
            return array.Fqdn;
        }

        if ((await IdentityResolver.FindAsync<Server>(context, value, cancellationToken)) is [var server])
        {
            return server.Fqdn;
        }

        return SmtpDomain.TryParse(value, allowWildcard: false, out var host, out _)
            ? host!.ToString()
            : throw ManagementErrors.InvalidArgument($"\"{value}\" isn't a client access server, a client access array or a valid host name.", value);
    }

    private static async Task RenameInMailboxesAsync(CommandContext context, string oldName, string newName, CancellationToken cancellationToken)
    {
        var moved = new List<Guid>();
        await foreach (var mailbox in context.Reader.ListAsync<Mailbox>(cancellationToken))
        {
            if (mailbox.Database.Equals(oldName, StringComparison.OrdinalIgnoreCase))
            {
                moved.Add(mailbox.Guid);
            }
        }

        foreach (var id in moved)
        {
            var mailbox = (Mailbox)(await context.Reader.GetAsync(id, cancellationToken))!;
            mailbox.Database = newName;
            await context.Writer.UpdateAsync(mailbox, cancellationToken);
        }
    }
}
