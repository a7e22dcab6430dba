using Mailroom.Directory.Model;

namespace Mailroom.Directory.Storage;

/// <summary>Maps the stored object class to its CLR type.</summary>
public static class ObjectClasses
{
    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        [Organization.Class] = typeof(Organization),
        [Site.Class] = typeof(Site),
        [Server.Class] = typeof(Server),
        [AcceptedDomain.Class] = typeof(AcceptedDomain),
        [EmailAddressPolicy.Class] = typeof(EmailAddressPolicy),
        [Mailbox.Class] = typeof(Mailbox),
        [MailboxDatabase.Class] = typeof(MailboxDatabase),
        [ClientAccessArray.Class] = typeof(ClientAccessArray),
        [RoleGroup.Class] = typeof(RoleGroup),
        [ReceiveConnector.Class] = typeof(ReceiveConnector),
        [SendConnector.Class] = typeof(SendConnector),
        [ClientAccessRule.Class] = typeof(ClientAccessRule),
        [VirtualDirectory.Class] = typeof(VirtualDirectory),
        [ImapSettings.Class] = typeof(ImapSettings),
        [PopSettings.Class] = typeof(PopSettings),
        [ExchangeCertificate.Class] = typeof(ExchangeCertificate),
        [ServiceConnectionPoint.Class] = typeof(ServiceConnectionPoint),
        [ServerComponentStates.Class] = typeof(ServerComponentStates),
    };

    public static Type TypeOf(string objectClass) =>
        Types.TryGetValue(objectClass, out var type) ? type : throw new InvalidDataException($"Unknown object class '{objectClass}' in the directory store.");

    public static string ClassOf<T>()
        where T : DirectoryObject =>
        Types.First(kv => kv.Value == typeof(T)).Key;
}
