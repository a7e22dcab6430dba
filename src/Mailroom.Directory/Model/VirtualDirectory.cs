namespace Mailroom.Directory.Model;

/// <summary>Which of Exchange's virtual directories an object stands for (exchange.md §9).</summary>
public enum VirtualDirectoryType
{
    Autodiscover,
    Owa,
    Ecp,
}

/// <summary>
/// A web virtual directory of a server with the URLs clients are told about: Autodiscover answers with
/// <see cref="InternalUrl"/> to clients on the internal network and <see cref="ExternalUrl"/> to the rest.
/// Mailroom serves no Outlook on the web itself; the OWA and ECP URLs only go into Autodiscover answers (for a web
/// client run alongside), so they start empty rather than pointing at pages that don't exist.
/// Identity <c>Server\owa (Default Web Site)</c>, as Exchange shows it.
/// </summary>
public sealed class VirtualDirectory : DirectoryObject
{
    public const string Class = "VirtualDirectory";

    public const string WebSite = "Default Web Site";

    public string Server { get; set; } = string.Empty;

    public VirtualDirectoryType Type { get; set; }

    public string? InternalUrl { get; set; }

    public string? ExternalUrl { get; set; }

    public override string Identity => $"{Server}\\{Name}";

    public override string ObjectClass => Class;

    /// <summary><c>owa (Default Web Site)</c>, <c>ecp (Default Web Site)</c>, <c>Autodiscover (Default Web Site)</c>.</summary>
    public static string NameOf(VirtualDirectoryType type) => type switch
    {
        VirtualDirectoryType.Owa => $"owa ({WebSite})",
        VirtualDirectoryType.Ecp => $"ecp ({WebSite})",
        _ => $"Autodiscover ({WebSite})",
    };

    /// <summary>Names are unique per server, like receive connectors.</summary>
    public override IEnumerable<string> DirectoryKeys()
    {
        yield return DirectoryKey.Name(Class, Identity);
        yield return DirectoryKey.DistinguishedName(DistinguishedName);
    }
}
