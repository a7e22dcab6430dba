using Mailroom.Directory.Commands.AcceptedDomains;
using Mailroom.Directory.Commands.CASMailboxes;
using Mailroom.Directory.Commands.ClientAccessRules;
using Mailroom.Directory.Commands.ClientAccess;
using Mailroom.Directory.Commands.ClientAccessArrays;
using Mailroom.Directory.Commands.ComponentStates;
using Mailroom.Directory.Commands.Databases;
using Mailroom.Directory.Commands.EmailAddressPolicies;
using Mailroom.Directory.Commands.Mailboxes;
using Mailroom.Directory.Commands.Permissions;
using Mailroom.Directory.Commands.ReceiveConnectors;
using Mailroom.Directory.Commands.SendConnectors;
using Mailroom.Directory.Commands.Servers;

namespace Mailroom.Directory.Management;

/// <summary>Every command the management API runs, looked up by cmdlet name or older alias, case-insensitively.</summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, ManagementCommand> byName = new(StringComparer.OrdinalIgnoreCase);

    public CommandCatalog(IEnumerable<ManagementCommand> commands)
    {
        foreach (var command in commands)
        {
            foreach (var name in command.Aliases.Prepend(command.Name))
            {
                byName.Add(name, command);
            }
        }
    }

    public IEnumerable<string> Names => byName.Keys.Order(StringComparer.Ordinal);

    public static CommandCatalog CreateDefault() => new(DefaultCommands());

    /// <summary>The directory's own commands; the node adds those of other services (mail flow).</summary>
    public static IEnumerable<ManagementCommand> DefaultCommands() =>
    [
        new GetAcceptedDomainCommand(), new NewAcceptedDomainCommand(), new SetAcceptedDomainCommand(), new RemoveAcceptedDomainCommand(),
        new GetEmailAddressPolicyCommand(), new NewEmailAddressPolicyCommand(), new SetEmailAddressPolicyCommand(),
        new RemoveEmailAddressPolicyCommand(), new UpdateEmailAddressPolicyCommand(),
        new GetMailboxCommand(), new NewMailboxCommand(), new SetMailboxCommand(), new RemoveMailboxCommand(),
        new GetMailboxDatabaseCommand(), new NewMailboxDatabaseCommand(), new SetMailboxDatabaseCommand(), new RemoveMailboxDatabaseCommand(),
        new GetExchangeServerCommand(), new GetClientAccessServiceCommand(), new SetClientAccessServiceCommand(),
        new GetClientAccessArrayCommand(), new NewClientAccessArrayCommand(), new SetClientAccessArrayCommand(), new RemoveClientAccessArrayCommand(),
        new GetReceiveConnectorCommand(), new NewReceiveConnectorCommand(), new SetReceiveConnectorCommand(), new RemoveReceiveConnectorCommand(),
        new GetSendConnectorCommand(), new NewSendConnectorCommand(), new SetSendConnectorCommand(), new RemoveSendConnectorCommand(),
        new GetADPermissionCommand(), new AddADPermissionCommand(), new RemoveADPermissionCommand(),
        new GetClientAccessRuleCommand(), new NewClientAccessRuleCommand(), new SetClientAccessRuleCommand(), new RemoveClientAccessRuleCommand(),
        new GetCASMailboxCommand(), new SetCASMailboxCommand(),
        .. GetVirtualDirectoryCommand.All(), .. PopImapSettingsLookup.All(),
        new GetAutodiscoverEndpointCommand(),
        new GetServiceConnectionPointCommand(), new NewServiceConnectionPointCommand(), new RemoveServiceConnectionPointCommand(),
        new GetServerComponentStateCommand(), new SetServerComponentStateCommand(), new ExportClientAccessArrayConfigurationCommand(),
    ];

    public ManagementCommand Find(string name) =>
        byName.TryGetValue(name, out var command) ? command : throw ManagementErrors.UnknownCommand(name);
}
