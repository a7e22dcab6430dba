using System.Management.Automation;
using Mailroom.Management.Client;

namespace Mailroom.PowerShell.Infrastructure;

/// <summary>
/// The connection of the current runspace, kept in a session variable rather than a static field, so several
/// runspaces in one process (tests, hosted automation) each talk to their own node as their own user.
/// </summary>
public static class MailroomSession
{
    public const string VariableName = "MailroomConnection";

    public static ManagementConnection? Get(SessionState state) =>
        state.PSVariable.GetValue(VariableName) is ManagementConnection c ? c : null;

    public static void Set(SessionState state, ManagementConnection? connection)
    {
        if (Get(state) is { } old && !ReferenceEquals(old, connection))
        {
            old.Dispose();
        }

        state.PSVariable.Set(new PSVariable(VariableName, connection, ScopedItemOptions.AllScope) { Description = "The Mailroom management connection of this session." });
    }
}
