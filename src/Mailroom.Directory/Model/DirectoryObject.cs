using System.Text.Json.Serialization;

namespace Mailroom.Directory.Model;

/// <summary>
/// What every directory object has, as Active Directory gives Exchange objects: a GUID, a distinguished name and
/// creation/change times. Derived classes declare their Exchange properties first, so output lists them first.
/// </summary>
public abstract class DirectoryObject
{
    [JsonPropertyOrder(-100)]
    public string Name { get; set; } = string.Empty;

    /// <summary>How <c>Identity</c> is shown; configuration objects show their name, recipients a canonical path.</summary>
    [JsonPropertyOrder(100)]
    public virtual string Identity => Name;

    [JsonPropertyOrder(101)]
    public Guid Guid { get; set; }

    [JsonPropertyOrder(102)]
    public string DistinguishedName { get; set; } = string.Empty;

    [JsonPropertyOrder(103)]
    public DateTime WhenCreated { get; set; }

    [JsonPropertyOrder(104)]
    public DateTime WhenChanged { get; set; }

    [JsonPropertyOrder(105)]
    public DateTime WhenCreatedUTC => WhenCreated;

    [JsonPropertyOrder(106)]
    public DateTime WhenChangedUTC => WhenChanged;

    /// <summary>The object class, which is also the store's discriminator and the output's type name.</summary>
    [JsonIgnore]
    public abstract string ObjectClass { get; }

    /// <summary>Keys that must be unique across the whole directory and that identity resolution looks up.</summary>
    public virtual IEnumerable<string> DirectoryKeys()
    {
        yield return DirectoryKey.Name(ObjectClass, Name);
        yield return DirectoryKey.DistinguishedName(DistinguishedName);
        if (this is IHasLegacyDN { ExchangeLegacyDN: { Length: > 0 } legacy })
        {
            yield return DirectoryKey.LegacyDN(legacy);
        }
    }
}

/// <summary>Objects that Exchange also names with an X.500-style <c>legacyExchangeDN</c>.</summary>
public interface IHasLegacyDN
{
    string ExchangeLegacyDN { get; }
}

/// <summary>The lookup keys of the directory's unique index; lower-cased so lookups ignore case.</summary>
public static class DirectoryKey
{
    public static string Name(string objectClass, string name) => $"name/{objectClass}/{name}".ToLowerInvariant();

    public static string DistinguishedName(string dn) => $"dn/{dn}".ToLowerInvariant();

    public static string LegacyDN(string legacyDn) => $"legacydn/{legacyDn}".ToLowerInvariant();

    public static string SmtpAddress(string address) => $"smtp/{address}".ToLowerInvariant();

    public static string ProxyAddress(string prefix, string address) => $"proxy/{prefix}/{address}".ToLowerInvariant();

    public static string UserPrincipalName(string upn) => $"upn/{upn}".ToLowerInvariant();

    public static string SamAccountName(string sam) => $"sam/{sam}".ToLowerInvariant();

    public static string Alias(string alias) => $"alias/{alias}".ToLowerInvariant();

    public static string Fqdn(string objectClass, string fqdn) => $"fqdn/{objectClass}/{fqdn}".ToLowerInvariant();

    public static string Domain(string domainName) => $"domain/{domainName}".ToLowerInvariant();
}
