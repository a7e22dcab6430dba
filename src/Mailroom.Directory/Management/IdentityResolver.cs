using Mailroom.Directory.Model;

namespace Mailroom.Directory.Management;

/// <summary>
/// Resolves an <c>-Identity</c> value to exactly one object: by GUID, distinguished name, legacy DN or name,
/// plus the forms each class adds (addresses and UPN for recipients, FQDN for servers and arrays, <c>Server\Name</c>
/// or the bare name for receive connectors).
/// No match and several matches are both errors; the resolver never guesses.
/// </summary>
public static class IdentityResolver
{
    public static async Task<T> ResolveAsync<T>(CommandContext context, string identity, CancellationToken cancellationToken)
        where T : DirectoryObject
    {
        var matches = await FindAsync<T>(context, identity, cancellationToken);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw ManagementErrors.NotFound(identity, context.ServerFqdn),
            _ => throw ManagementErrors.Ambiguous(identity),
        };
    }

    public static async Task<IReadOnlyList<T>> FindAsync<T>(CommandContext context, string identity, CancellationToken cancellationToken)
        where T : DirectoryObject
    {
        identity = identity.Trim();
        var ids = new HashSet<Guid>();
        if (Guid.TryParse(identity, out var guid))
        {
            ids.Add(guid);
        }

        foreach (var key in KeysFor<T>(context, identity))
        {
            if (await context.Reader.FindByKeyAsync(key, cancellationToken) is { } id)
            {
                ids.Add(id);
            }
        }

        // A receive connector's (virtual directory's, protocol settings', certificate's) name is unique only on its
        // server, so a bare name is looked for on every server (several matches are then ambiguous, as in Exchange);
        // Server\Name is a key.
        if (IsServerScoped(typeof(T)) && !identity.Contains('\\'))
        {
            await foreach (var obj in context.Reader.ListAsync<T>(cancellationToken))
            {
                if (obj.Name.Equals(identity, StringComparison.OrdinalIgnoreCase))
                {
                    ids.Add(obj.Guid);
                }
            }
        }

        var found = new List<T>();
        foreach (var id in ids)
        {
            if (await context.Reader.GetAsync(id, cancellationToken) is T match)
            {
                found.Add(match);
            }
        }

        return found;
    }

    private static bool IsServerScoped(Type type) =>
        type == typeof(ReceiveConnector) || type == typeof(VirtualDirectory) || type == typeof(ExchangeCertificate)
        || type == typeof(ImapSettings) || type == typeof(PopSettings);

    private static IEnumerable<string> KeysFor<T>(CommandContext context, string identity)
        where T : DirectoryObject
    {
        var objectClass = Storage.ObjectClasses.ClassOf<T>();
        yield return DirectoryKey.Name(objectClass, identity);
        yield return DirectoryKey.DistinguishedName(identity);
        yield return DirectoryKey.LegacyDN(identity);
        switch (objectClass)
        {
            case Mailbox.Class:
                var address = identity.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase) ? identity[5..] : identity;
                yield return DirectoryKey.SmtpAddress(address);
                yield return DirectoryKey.UserPrincipalName(identity);
                yield return DirectoryKey.Alias(identity);
                yield return DirectoryKey.SamAccountName(identity.Contains('\\') ? identity[(identity.IndexOf('\\') + 1)..] : identity);
                var usersPrefix = context.Names.UserCanonicalName(string.Empty);
                if (identity.StartsWith(usersPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    yield return DirectoryKey.Name(objectClass, identity[usersPrefix.Length..]);
                }

                break;
            case Server.Class:
            case ClientAccessArray.Class:
                yield return DirectoryKey.Fqdn(objectClass, identity);
                break;
            case AcceptedDomain.Class:
                yield return DirectoryKey.Domain(identity);
                break;
        }
    }
}
