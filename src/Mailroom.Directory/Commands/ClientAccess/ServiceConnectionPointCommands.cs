using Mailroom.Addressing;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccess;

/// <summary>Get-ServiceConnectionPoint: the pointer SCPs (URL SCPs are shown by Get-ClientAccessService).</summary>
public sealed class GetServiceConnectionPointCommand : GetObjectCommand<ServiceConnectionPoint>
{
    public override string Name => "Get-ServiceConnectionPoint";
}

/// <summary>
/// <c>New-ServiceConnectionPoint -Name -ServiceBindingInformation ldap://dc1.fabrikam.com [-Domain fabrikam.com]</c>:
/// a pointer SCP for domains whose Autodiscover settings another directory serves. Exchange has no cmdlet for
/// these (administrators write them with ADSI Edit); Mailroom keeps them as directory objects.
/// </summary>
public sealed class NewServiceConnectionPointCommand : ManagementCommand
{
    public override string Name => "New-ServiceConnectionPoint";

    protected override IEnumerable<string> Parameters => ["Name", "ServiceBindingInformation", "Domain"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var name = DirectoryWrites.ValidName(parameters.String("Name"));
        var binding = parameters.RequiredString(Name, "ServiceBindingInformation");
        if (!Uri.TryCreate(binding, UriKind.Absolute, out var uri) || uri.Scheme is not ("ldap" or "ldaps") || uri.Host.Length == 0)
        {
            throw ManagementErrors.InvalidArgument($"Cannot bind parameter 'ServiceBindingInformation'. \"{binding}\" isn't an LDAP URL such as ldap://dc1.fabrikam.com.", binding);
        }

        string? domain = null;
        if (parameters.String("Domain") is { } text)
        {
            domain = SmtpDomain.TryParse(text, false, out var parsed, out _) ? parsed!.ToString()
                : throw ManagementErrors.InvalidArgument($"Cannot bind parameter 'Domain'. \"{text}\" isn't a domain name.", text);
        }

        var scp = new ServiceConnectionPoint
        {
            Name = name,
            ServiceBindingInformation = uri.ToString(),
            Domain = domain,
            DistinguishedName = context.Names.ServiceConnectionPoint(name),
        };
        await DirectoryWrites.AddAsync(context, scp, cancellationToken);
        return Output(scp);
    }
}

public sealed class RemoveServiceConnectionPointCommand : RemoveObjectCommand<ServiceConnectionPoint>
{
    public override string Name => "Remove-ServiceConnectionPoint";
}
