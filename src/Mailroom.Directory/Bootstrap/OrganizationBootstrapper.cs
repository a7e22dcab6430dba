using System.Security.Cryptography;
using Mailroom.Directory.Commands.ClientAccess;
using Mailroom.Directory.Commands.Databases;
using Mailroom.Directory.Commands.Mailboxes;
using Mailroom.Directory.Commands.ReceiveConnectors;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Naming;
using Mailroom.Directory.Storage;

namespace Mailroom.Directory.Bootstrap;

/// <summary>
/// First start creates a usable organization, as Exchange setup does: the default authoritative accepted domain,
/// the Default Policy (<c>SMTP:%m@domain</c>), the site, this server, a first mailbox database, the management role
/// groups and <c>administrator@domain</c> in Organization Management. Every start registers or updates this server
/// and gives it Exchange's default receive connectors if it has none. All of it is one transaction, so a node that
/// dies half-way leaves nothing half-made.
/// </summary>
public sealed class OrganizationBootstrapper(IDirectoryStore store, TimeProvider time)
{
    public Task<BootstrapResult> EnsureAsync(NodeIdentity node, string? adminPassword, CancellationToken cancellationToken = default) =>
        store.WriteAsync(async tx =>
        {
            var existing = await tx.ListAsync<Organization>(cancellationToken).FirstOrDefaultAsync(cancellationToken);
            var names = existing is null
                ? new OrganizationNames(node.OrganizationName, node.Domain)
                : new OrganizationNames(existing.Name, existing.RootDomain);
            var context = new CommandContext(tx, names, time, node.Fqdn, "bootstrap");
            if (existing is null)
            {
                await DirectoryWrites.AddAsync(context, new Organization { Name = names.OrganizationName, RootDomain = names.RootDomain, DistinguishedName = names.OrganizationDN }, cancellationToken);
                await CreateDomainAndPolicyAsync(context, cancellationToken);
            }

            var server = await RegisterServerAsync(context, node, cancellationToken);
            await ReceiveConnectors.EnsureDefaultsAsync(
                context,
                server,
                ListenerBindings.Of("Smtp", node.Listener("Smtp")),
                [.. ListenerBindings.Of("Submission", node.Listener("Submission")), .. ListenerBindings.Of("SubmissionTls", node.Listener("SubmissionTls"))],
                cancellationToken);
            await ClientAccessDefaults.EnsureAsync(context, server, cancellationToken);
            string? generated = null;
            if (existing is null)
            {
                await MailboxDatabases.CreateAsync(context, $"Mailbox Database {RandomNumberGenerator.GetInt32(1_000_000_000, int.MaxValue)}", server, cancellationToken);
                generated = adminPassword is null ? GeneratePassword() : null;
                await CreateAdministratorAsync(context, adminPassword ?? generated!, cancellationToken);
            }

            return new BootstrapResult(existing is null, generated, server.Guid);
        }, cancellationToken);

    private static async Task CreateDomainAndPolicyAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var domain = context.Names.RootDomain;
        await DirectoryWrites.AddAsync(context, new AcceptedDomain
        {
            Name = domain,
            DomainName = domain,
            Default = true,
            DistinguishedName = context.Names.AcceptedDomain(domain),
        }, cancellationToken);
        await DirectoryWrites.AddAsync(context, new EmailAddressPolicy
        {
            Name = EmailAddressPolicy.DefaultPolicyName,
            Priority = EmailAddressPolicyPriority.Lowest,
            EnabledEmailAddressTemplates = [$"SMTP:%m@{domain}"],
            RecipientFilterType = "Precanned",
            IncludedRecipients = "AllRecipients",
            RecipientFilter = EmailAddressPolicy.DefaultRecipientFilter,
            RecipientContainer = context.Names.DomainDN,
            DistinguishedName = context.Names.EmailAddressPolicy(EmailAddressPolicy.DefaultPolicyName),
        }, cancellationToken);
        foreach (var group in new[] { RoleGroup.OrganizationManagement, RoleGroup.ViewOnlyOrganizationManagement })
        {
            await DirectoryWrites.AddAsync(context, new RoleGroup { Name = group, DistinguishedName = context.Names.RoleGroup(group) }, cancellationToken);
        }
    }

    private static async Task<Server> RegisterServerAsync(CommandContext context, NodeIdentity node, CancellationToken cancellationToken)
    {
        if (await context.Reader.FindByKeyAsync(DirectoryKey.Name(Site.Class, node.Site), cancellationToken) is null)
        {
            await DirectoryWrites.AddAsync(context, new Site { Name = node.Site, DistinguishedName = context.Names.Site(node.Site) }, cancellationToken);
        }

        var id = await context.Reader.FindByKeyAsync(DirectoryKey.Name(Server.Class, node.ServerName), cancellationToken);
        var server = id is { } found ? (Server)(await context.Reader.GetAsync(found, cancellationToken))! : new Server();
        server.Name = node.ServerName;
        server.Fqdn = node.Fqdn;
        server.Site = node.Site;
        server.AdminDisplayVersion = node.Version;
        server.NetworkEndpoints = new Dictionary<string, string>(node.Listeners, StringComparer.OrdinalIgnoreCase);
        server.CertificateDomains = [.. node.CertificateDomains];
        server.DistinguishedName = context.Names.Server(node.ServerName);
        server.ExchangeLegacyDN = context.Names.ServerLegacyDN(node.ServerName);
        if (id is null)
        {
            await DirectoryWrites.AddAsync(context, server, cancellationToken);
        }
        else
        {
            await DirectoryWrites.UpdateAsync(context, server, cancellationToken);
        }

        return server;
    }

    private static async Task CreateAdministratorAsync(CommandContext context, string password, CancellationToken cancellationToken)
    {
        var created = await new NewMailboxCommand().ExecuteAsync(
            context, CommandParameters.From(new { Name = "Administrator", Alias = "Administrator", Password = password }), cancellationToken);
        var admin = (Mailbox)created[0];
        var groupId = await context.Reader.FindByKeyAsync(DirectoryKey.Name(RoleGroup.Class, RoleGroup.OrganizationManagement), cancellationToken);
        var group = (RoleGroup)(await context.Reader.GetAsync(groupId!.Value, cancellationToken))!;
        group.Members.Add(admin.Guid);
        await DirectoryWrites.UpdateAsync(context, group, cancellationToken);
    }

    /// <summary>24 characters from an unambiguous alphabet: about 137 bits.</summary>
    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);
}
