using System.Management.Automation;
using System.Reflection;
using Mailroom.Management.Client;

namespace Mailroom.PowerShell.Infrastructure;

/// <summary>
/// The base of every Exchange-named cmdlet: it sends the parameters the user bound to the node's command of the
/// same name and writes what comes back. Cmdlets that change configuration ask ShouldProcess first, so
/// <c>-WhatIf</c> sends nothing and <c>-Confirm</c> prompts as in Exchange.
/// </summary>
public abstract class MailroomCmdlet : PSCmdlet
{
    private static readonly HashSet<string> PowerShellOwnParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    /// <summary>Accepted for scripts written for Exchange; Mailroom has no domain controllers to choose from.</summary>
    [Parameter]
    public string? DomainController { get; set; }

    /// <summary>The cmdlet's name, <c>Verb-Noun</c>, which is also the node's command name.</summary>
    protected string CommandName
    {
        get
        {
            var attribute = GetType().GetCustomAttribute<CmdletAttribute>()!;
            return attribute.VerbName + "-" + attribute.NounName;
        }
    }

    /// <summary>What ShouldProcess names as the target; the identity or name by default.</summary>
    protected virtual string Target =>
        MyInvocation.BoundParameters.TryGetValue("Identity", out var id) ? id?.ToString() ?? string.Empty
        : MyInvocation.BoundParameters.TryGetValue("Name", out var name) ? name?.ToString() ?? string.Empty
        : string.Empty;

    protected override void ProcessRecord()
    {
        var connection = MailroomSession.Get(SessionState);
        if (connection is null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("You aren't connected to a Mailroom node. Run Connect-Mailroom -Uri https://<node>:<port> -Credential <user> first."),
                "NotConnected", ErrorCategory.ConnectionError, null));
            return;
        }

        if (!CommandName.StartsWith("Get-", StringComparison.Ordinal) && !ShouldProcess(Target, CommandName))
        {
            return;
        }

        var parameters = MyInvocation.BoundParameters
            .Where(p => !PowerShellOwnParameters.Contains(p.Key))
            .ToDictionary(p => p.Key, p => ParameterValues.ToWire(p.Value), StringComparer.OrdinalIgnoreCase);
        try
        {
            IReadOnlyList<ManagementObject> results;
            try
            {
                results = connection.InvokeAsync(CommandName, parameters).GetAwaiter().GetResult();
            }
            catch (ManagementApiException ex) when (ConfirmAndAmend(ex, parameters))
            {
                // The node asked a question Exchange asks at the prompt; the user said yes, so send the answer.
                results = connection.InvokeAsync(CommandName, parameters).GetAwaiter().GetResult();
            }

            foreach (var result in results)
            {
                if (result.TypeName == "ManagementWarning" && result.Properties.TryGetProperty("Message", out var message))
                {
                    WriteWarning(message.GetString());
                    continue;
                }

                WriteObject(Present(result));
            }
        }
        catch (ManagementApiException ex)
        {
            WriteError(new ErrorRecord(ex, ex.ErrorId, CategoryOf(ex.Category), ex.TargetObject ?? Target));
        }
        catch (HttpRequestException ex)
        {
            WriteError(new ErrorRecord(ex, "ConnectionFailed", ErrorCategory.ConnectionError, connection.BaseUri));
        }
    }

    /// <summary>
    /// For errors that are really questions (Exchange's confirmation prompts): ask the user and, when they agree,
    /// change <paramref name="parameters"/> so sending them again answers yes. False leaves the error to be written.
    /// </summary>
    protected virtual object Present(ManagementObject result) => OutputObjects.ToPSObject(result);

    protected virtual bool ConfirmAndAmend(ManagementApiException error, Dictionary<string, object?> parameters) => false;

    private static ErrorCategory CategoryOf(string category) =>
        Enum.TryParse<ErrorCategory>(category, ignoreCase: true, out var parsed) ? parsed : ErrorCategory.NotSpecified;
}
