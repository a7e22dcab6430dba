namespace Mailroom.Directory.Model;

/// <summary>A management role group; membership decides what a user may do through the management API.</summary>
public sealed class RoleGroup : DirectoryObject
{
    public const string Class = "RoleGroup";
    public const string OrganizationManagement = "Organization Management";
    public const string ViewOnlyOrganizationManagement = "View-Only Organization Management";

    /// <summary>Member GUIDs (mailbox users).</summary>
    public List<Guid> Members { get; set; } = [];

    public override string ObjectClass => Class;
}
