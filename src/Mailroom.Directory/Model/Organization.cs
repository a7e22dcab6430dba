namespace Mailroom.Directory.Model;

/// <summary>The Exchange organization: the root of configuration, named from the forest's root domain.</summary>
public sealed class Organization : DirectoryObject
{
    public const string Class = "Organization";

    /// <summary>The root domain the organization was created for (AD's forest root FQDN), e.g. <c>contoso.com</c>.</summary>
    public string RootDomain { get; set; } = string.Empty;

    public override string ObjectClass => Class;
}
