namespace Mailroom.Directory.Model;

/// <summary>One name for the client access servers of a site (Exchange 2010's client access array).</summary>
public sealed class ClientAccessArray : DirectoryObject, IHasLegacyDN
{
    public const string Class = "ClientAccessArray";

    public string Fqdn { get; set; } = string.Empty;

    public string Site { get; set; } = string.Empty;

    /// <summary>The servers of the array's site; filled in when the array is read, never stored.</summary>
    public List<string> Members { get; set; } = [];

    public string ExchangeLegacyDN { get; set; } = string.Empty;

    public override string ObjectClass => Class;

    public override IEnumerable<string> DirectoryKeys() =>
        base.DirectoryKeys().Append(DirectoryKey.Fqdn(Class, Fqdn));
}
