namespace Mailroom.Directory.Management;

/// <summary>
/// One cmdlet as the management API runs it. Parameter names are Exchange's; the PowerShell module's cmdlet of the
/// same name only binds them and sends them here, so the rules live in one place for every client.
/// </summary>
public abstract class ManagementCommand
{
    /// <summary>Parameters every command accepts for script compatibility and ignores (documented in the README).</summary>
    private static readonly string[] CompatibilityParameters = ["DomainController"];

    private HashSet<string>? parameterNames;

    /// <summary>The cmdlet name, e.g. <c>Get-MailboxDatabase</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Older names that run the same command (<c>Get-ClientAccessServer</c>).</summary>
    public virtual IReadOnlyList<string> Aliases => [];

    /// <summary>True for commands that write: they run in a write transaction and need Organization Management.</summary>
    public virtual bool ChangesConfiguration => !Name.StartsWith("Get-", StringComparison.Ordinal);

    /// <summary>
    /// False for commands that change something other than the directory (the queue): they get a read view of the
    /// directory, so they never hold the directory's write lock while taking their own store's.
    /// </summary>
    public virtual bool WritesDirectory => ChangesConfiguration;

    protected abstract IEnumerable<string> Parameters { get; }

    public IReadOnlySet<string> ParameterNames =>
        parameterNames ??= new HashSet<string>(Parameters.Concat(CompatibilityParameters), StringComparer.OrdinalIgnoreCase);

    public abstract Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken);

    protected static IReadOnlyList<object> Output(params object[] objects) => objects;

    protected static IReadOnlyList<object> Nothing() => [];
}
