using Mailroom.Directory.Management;

namespace Mailroom.ClientAccess.Rules.Commands;

/// <summary>How a node adds client access to its command catalog.</summary>
public static class ClientAccessRuleCommands
{
    private static readonly HashSet<string> Protected = new(StringComparer.OrdinalIgnoreCase)
    {
        "New-ClientAccessRule", "Set-ClientAccessRule", "Remove-ClientAccessRule",
    };

    /// <summary>The directory's commands with the rule-changing ones wrapped in lockout protection, plus Test-ClientAccessRule.</summary>
    public static IEnumerable<ManagementCommand> With(IEnumerable<ManagementCommand> commands) =>
        commands.Select(c => Protected.Contains(c.Name) ? new LockoutProtectedCommand(c) : c).Append(new TestClientAccessRuleCommand());
}
