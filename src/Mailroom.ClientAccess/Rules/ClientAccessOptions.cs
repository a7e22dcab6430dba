namespace Mailroom.ClientAccess.Rules;

/// <summary>The <c>Mailroom:ClientAccess</c> settings of rule enforcement.</summary>
public sealed class ClientAccessOptions
{
    /// <summary>
    /// The local recovery switch: true makes this node ignore every client access rule (protocol switches and the
    /// login throttle still apply), so an administrator locked out by a rule can sign in and fix it.
    /// </summary>
    public bool DisableRules { get; set; }
}
