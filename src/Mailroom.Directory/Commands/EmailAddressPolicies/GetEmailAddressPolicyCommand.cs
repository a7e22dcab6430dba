using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.EmailAddressPolicies;

/// <summary>Lists policies in the order they are evaluated: by priority, the default policy last.</summary>
public sealed class GetEmailAddressPolicyCommand : GetObjectCommand<EmailAddressPolicy>
{
    public override string Name => "Get-EmailAddressPolicy";

    protected override IEnumerable<string> OtherParameters => ["IncludeMailboxSettingOnlyPolicy"];

    protected override IEnumerable<EmailAddressPolicy> Order(IEnumerable<EmailAddressPolicy> objects) => objects.OrderBy(p => p.Priority.Value);
}
