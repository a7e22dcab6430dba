using Mailroom.Directory.Model;

namespace Mailroom.Directory.Management;

/// <summary>
/// Saving an object: every unique key is checked first so a clash gets Exchange's wording naming the holder,
/// then the object is written. The store's unique index still guards against a clash this check cannot see.
/// </summary>
public static class DirectoryWrites
{
    public static async Task AddAsync(CommandContext context, DirectoryObject obj, CancellationToken cancellationToken)
    {
        if (obj.Guid == Guid.Empty)
        {
            obj.Guid = Guid.NewGuid();
        }

        obj.WhenCreated = obj.WhenChanged = context.Now;
        await EnsureKeysFreeAsync(context, obj, cancellationToken);
        await context.Writer.AddAsync(obj, cancellationToken);
    }

    public static async Task UpdateAsync(CommandContext context, DirectoryObject obj, CancellationToken cancellationToken)
    {
        obj.WhenChanged = context.Now;
        await EnsureKeysFreeAsync(context, obj, cancellationToken);
        await context.Writer.UpdateAsync(obj, cancellationToken);
    }

    public static async Task EnsureKeysFreeAsync(CommandContext context, DirectoryObject obj, CancellationToken cancellationToken)
    {
        foreach (var key in obj.DirectoryKeys().Distinct(StringComparer.Ordinal))
        {
            if (await context.Reader.FindByKeyAsync(key, cancellationToken) is not { } holder || holder == obj.Guid)
            {
                continue;
            }

            var other = await context.Reader.GetAsync(holder, cancellationToken);
            throw ConflictError(key, other?.Identity ?? holder.ToString());
        }
    }

    /// <summary>Turns a unique-key clash into the error Exchange gives for that kind of value.</summary>
    public static ManagementException ConflictError(string key, string holder)
    {
        var slash = key.IndexOf('/');
        var kind = key[..slash];
        var rest = key[(slash + 1)..];
        var value = kind is "name" or "fqdn" or "proxy" ? rest[(rest.IndexOf('/') + 1)..] : rest;
        return kind switch
        {
            "smtp" => ManagementErrors.AddressInUse("smtp:" + value, holder),
            "proxy" => ManagementErrors.AddressInUse(rest[..rest.IndexOf('/')] + ":" + value, holder),
            "upn" => ManagementErrors.AlreadyExists("user principal name", value),
            "alias" => ManagementErrors.AlreadyExists("alias", value),
            "sam" => ManagementErrors.AlreadyExists("SAM account name", value),
            "domain" => ManagementErrors.AlreadyExists("domain name", value),
            "fqdn" => ManagementErrors.AlreadyExists("FQDN", value),
            "dn" or "legacydn" => ManagementErrors.AlreadyExists("distinguished name", value),
            _ => ManagementErrors.AlreadyExists("name", value),
        };
    }

    /// <summary>Exchange limits names of configuration objects to 64 characters.</summary>
    public static string ValidName(string? name, string parameter = "Name", int max = 64)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw ManagementErrors.InvalidArgument($"The {parameter} parameter can't be empty.", parameter);
        }

        if (name.Length > max)
        {
            throw ManagementErrors.InvalidArgument($"The length of the property is too long. The maximum length is {max} and the length of the value provided is {name.Length}.", name);
        }

        return name;
    }
}
