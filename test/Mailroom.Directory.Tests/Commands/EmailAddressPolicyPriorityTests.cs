using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Custom policies keep dense priorities 1..N; the Default Policy stays Lowest (exchange.md §2.4).</summary>
public class EmailAddressPolicyPriorityTests
{
    private static Task NewPolicyAsync(TestOrganization org, string name, int? priority = null) =>
        org.RunAsync("New-EmailAddressPolicy", priority is { } p
            ? new { Name = name, IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" }, Priority = p }
            : (object)new { Name = name, IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" } });

    private static async Task<TestOrganization> WithPoliciesAsync(params string[] names)
    {
        var org = await TestOrganization.CreateAsync();
        foreach (var name in names)
        {
            await NewPolicyAsync(org, name);
        }

        return org;
    }

    [Fact]
    public async Task NewPoliciesGoToTheEndBeforeTheDefault()
    {
        await using var org = await WithPoliciesAsync("A", "B", "C");
        Assert.Equal(["1:A", "2:B", "3:C", "Lowest:Default Policy"], await org.PolicyOrderAsync());
    }

    [Fact]
    public async Task InsertingAtATakenPriorityShiftsTheOthersDown()
    {
        await using var org = await WithPoliciesAsync("A", "B");
        await NewPolicyAsync(org, "First", 1);
        Assert.Equal(["1:First", "2:A", "3:B", "Lowest:Default Policy"], await org.PolicyOrderAsync());
        await NewPolicyAsync(org, "Middle", 3);
        Assert.Equal(["1:First", "2:A", "3:Middle", "4:B", "Lowest:Default Policy"], await org.PolicyOrderAsync());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(99)]
    [InlineData(int.MaxValue)]
    public async Task APriorityPastTheEndClampsToTheEnd(int priority)
    {
        await using var org = await WithPoliciesAsync("A", "B");
        await NewPolicyAsync(org, "Late", priority);
        Assert.Equal(["1:A", "2:B", "3:Late", "Lowest:Default Policy"], await org.PolicyOrderAsync());
    }

    [Fact]
    public async Task SetPriorityMovesAPolicyAndRenumbers()
    {
        await using var org = await WithPoliciesAsync("A", "B", "C");
        await org.RunAsync("Set-EmailAddressPolicy", new { Identity = "C", Priority = 1 });
        Assert.Equal(["1:C", "2:A", "3:B", "Lowest:Default Policy"], await org.PolicyOrderAsync());
        await org.RunAsync("Set-EmailAddressPolicy", new { Identity = "C", Priority = 10 });
        Assert.Equal(["1:A", "2:B", "3:C", "Lowest:Default Policy"], await org.PolicyOrderAsync());
    }

    [Fact]
    public async Task RemovalCompactsThePriorities()
    {
        await using var org = await WithPoliciesAsync("A", "B", "C");
        await org.RunAsync("Remove-EmailAddressPolicy", new { Identity = "A" });
        Assert.Equal(["1:B", "2:C", "Lowest:Default Policy"], await org.PolicyOrderAsync());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("Lowest")]
    [InlineData("first")]
    public async Task InvalidPrioritiesAreRefused(string priority)
    {
        await using var org = await WithPoliciesAsync("A");
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = "B", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" }, Priority = priority,
        });
        Assert.Equal("InvalidArgument", error.Category);
        Assert.Contains("Priority", error.Message);
    }

    [Fact]
    public async Task TheDefaultPolicyCannotBeRemoved()
    {
        await using var org = await WithPoliciesAsync("A");
        var error = await org.RefusedWithoutChangeAsync("Remove-EmailAddressPolicy", new { Identity = "Default Policy" });
        Assert.Equal("InvalidOperation", error.Category);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("Priority")]
    public async Task TheDefaultPolicyCannotBeRenamedOrReprioritised(string parameter)
    {
        await using var org = await WithPoliciesAsync("A");
        object parameters = parameter == "Name" ? new { Identity = "Default Policy", Name = "Everyone" } : new { Identity = "Default Policy", Priority = 1 };
        var error = await org.RefusedWithoutChangeAsync("Set-EmailAddressPolicy", parameters);
        Assert.Equal("InvalidOperation", error.Category);
        Assert.Equal(["1:A", "Lowest:Default Policy"], await org.PolicyOrderAsync());
    }

    [Theory]
    [InlineData("RecipientFilter", "Department -eq 'Sales'")]
    [InlineData("IncludedRecipients", "MailboxUsers")]
    [InlineData("ConditionalDepartment", "Sales")]
    [InlineData("RecipientContainer", "contoso.com/Users")]
    public async Task TheDefaultPolicyFilterCannotChange(string parameter, string value)
    {
        await using var org = await TestOrganization.CreateAsync();
        var parameters = new Dictionary<string, object> { ["Identity"] = "Default Policy", [parameter] = value };
        var error = await org.RefusedWithoutChangeAsync("Set-EmailAddressPolicy", parameters);
        Assert.Equal("InvalidOperation", error.Category);
    }

    [Fact]
    public async Task OnlyTheDefaultPolicyTemplatesCanChange()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("Set-EmailAddressPolicy", new { Identity = "Default Policy", EnabledEmailAddressTemplates = new[] { "SMTP:%g.%s@contoso.com", "smtp:%m@contoso.com" } });
        var policy = await org.PolicyAsync("Default Policy");
        Assert.Equal(["SMTP:%g.%s@contoso.com", "smtp:%m@contoso.com"], policy.EnabledEmailAddressTemplates);
        Assert.True(policy.Priority.IsLowest);
    }

    [Fact]
    public async Task ADuplicateNameIsRefused()
    {
        await using var org = await WithPoliciesAsync("A");
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = "default policy", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" },
        });
        Assert.Equal("ADObjectAlreadyExistsException", error.ErrorId);
        Assert.Equal(["1:A", "Lowest:Default Policy"], await org.PolicyOrderAsync());
    }

    [Fact]
    public async Task ACustomPolicyCanBeRenamed()
    {
        await using var org = await WithPoliciesAsync("A", "B");
        await org.RunAsync("Set-EmailAddressPolicy", new { Identity = "A", Name = "Sales" });
        Assert.Equal(["1:Sales", "2:B", "Lowest:Default Policy"], await org.PolicyOrderAsync());
        Assert.StartsWith("CN=Sales,CN=Recipient Policies,", (await org.PolicyAsync("Sales")).DistinguishedName);
    }

    [Fact]
    public async Task PoliciesAreFoundByNameDistinguishedNameAndGuid()
    {
        await using var org = await WithPoliciesAsync("A");
        var policy = await org.PolicyAsync("A");
        Assert.Equal(policy.Guid, (await org.PolicyAsync(policy.DistinguishedName)).Guid);
        Assert.Equal(policy.Guid, (await org.PolicyAsync(policy.Guid.ToString())).Guid);
        Assert.IsType<EmailAddressPolicy>(policy);
    }
}
