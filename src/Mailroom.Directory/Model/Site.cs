namespace Mailroom.Directory.Model;

/// <summary>An Active Directory site: servers and client access arrays belong to one.</summary>
public sealed class Site : DirectoryObject
{
    public const string Class = "Site";
    public const string DefaultName = "Default-First-Site-Name";

    public override string ObjectClass => Class;
}
