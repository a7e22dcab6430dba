using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Templates and recipient filters of New/Set-EmailAddressPolicy (exchange.md §2.2, §2.3).</summary>
public class EmailAddressPolicyDefinitionTests
{
    [Theory]
    [InlineData(new[] { "smtp:%m@contoso.com" }, "primary")]
    [InlineData(new[] { "SMTP:%m@contoso.com", "SMTP:%g@contoso.com" }, "Only one primary")]
    [InlineData(new[] { "SMTP:%x@contoso.com" }, "position 1")]
    [InlineData(new[] { "SMTP:%m@contoso..com" }, "contoso..com")]
    [InlineData(new[] { "SMTP:%m@*.contoso.com" }, "wildcard")]
    [InlineData(new[] { "SMTP:%m" }, "local part and a domain")]
    public async Task InvalidTemplatesAreRefused(string[] templates, string messagePart)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new { Name = "Bad", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = templates });
        Assert.Equal("InvalidArgumentException", error.ErrorId);
        Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public async Task InvalidTemplatesAreRefusedOnSetToo()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-EmailAddressPolicy", new { Identity = "Default Policy", EnabledEmailAddressTemplates = new[] { "smtp:%m@contoso.com" } });
        Assert.Equal("InvalidArgument", error.Category);
    }

    [Fact]
    public async Task UnprefixedTemplatesFollowExchange()
    {
        await using var org = await TestOrganization.CreateAsync();
        var policy = await org.OneAsync<EmailAddressPolicy>("New-EmailAddressPolicy", new
        {
            Name = "Mixed", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "%g.%s@contoso.com", "%m@contoso.com" },
        });
        Assert.Equal(["SMTP:%g.%s@contoso.com", "smtp:%m@contoso.com"], policy.EnabledEmailAddressTemplates);
    }

    [Fact]
    public async Task EnabledPrimarySmtpAddressTemplateGivesTheOneSmtpTemplate()
    {
        await using var org = await TestOrganization.CreateAsync();
        var policy = await org.OneAsync<EmailAddressPolicy>("New-EmailAddressPolicy", new
        {
            Name = "Primary only", IncludedRecipients = "MailboxUsers", EnabledPrimarySMTPAddressTemplate = "%1g%s@contoso.com",
        });
        Assert.Equal(["SMTP:%1g%s@contoso.com"], policy.EnabledEmailAddressTemplates);
        Assert.Equal("%1g%s@contoso.com", policy.EnabledPrimarySMTPAddressTemplate);
    }

    [Fact]
    public async Task BothTemplateParametersTogetherAreRefused()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = "Both", IncludedRecipients = "MailboxUsers",
            EnabledEmailAddressTemplates = new[] { "SMTP:%m@contoso.com" }, EnabledPrimarySMTPAddressTemplate = "%g@contoso.com",
        });
    }

    [Fact]
    public async Task APrimaryTemplateIsRefusedAmongTheDisabledOnes()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = "Disabled primary", IncludedRecipients = "MailboxUsers",
            EnabledEmailAddressTemplates = new[] { "SMTP:%m@contoso.com" }, DisabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" },
        });
        Assert.Contains("DisabledEmailAddressTemplates", error.Message);
    }

    [Fact]
    public async Task AFilterIsRequired()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new { Name = "No filter", EnabledEmailAddressTemplates = new[] { "SMTP:%m@contoso.com" } });
        Assert.Equal("InvalidArgument", error.Category);
    }

    [Fact]
    public async Task CustomAndPrecannedFiltersCannotBeMixed()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = "Mixed", IncludedRecipients = "MailboxUsers", RecipientFilter = "Department -eq 'Sales'", EnabledEmailAddressTemplates = new[] { "SMTP:%m@contoso.com" },
        });
    }

    [Theory]
    [InlineData("Department -eq", 15)] // the end of the filter
    [InlineData("Department -eq 'Sales' -and", 28)]
    [InlineData("(Department -eq 'Sales'", 24)]
    [InlineData("Department -foo 'Sales'", 12)]
    [InlineData("Shoesize -eq 42", 1)]
    public async Task OPathErrorsNameThePosition(string filter, int position)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = "Bad filter", RecipientFilter = filter, EnabledEmailAddressTemplates = new[] { "SMTP:%m@contoso.com" },
        });
        Assert.Equal("InvalidFilter", error.ErrorId);
        Assert.Equal("InvalidArgument", error.Category);
        Assert.Contains($"position {position}", error.Message);
    }

    [Fact]
    public async Task ACustomFilterIsStoredAsGiven()
    {
        await using var org = await TestOrganization.CreateAsync();
        const string filter = "(Department -eq 'Sales') -and (Company -like 'Contoso*')";
        var policy = await org.OneAsync<EmailAddressPolicy>("New-EmailAddressPolicy", new
        {
            Name = "Sales", RecipientFilter = filter, EnabledEmailAddressTemplates = new[] { "SMTP:%g.%s@contoso.com" },
        });
        Assert.Equal(filter, policy.RecipientFilter);
        Assert.Equal("Custom", policy.RecipientFilterType);
        Assert.Null(policy.IncludedRecipients);
    }

    [Fact]
    public async Task IncludedRecipientsAndConditionalDepartmentGenerateARecipientFilter()
    {
        await using var org = await TestOrganization.CreateAsync();
        var policy = await org.OneAsync<EmailAddressPolicy>("New-EmailAddressPolicy", new
        {
            Name = "Sales", IncludedRecipients = "MailboxUsers", ConditionalDepartment = new[] { "Sales", "Marketing" },
            EnabledEmailAddressTemplates = new[] { "SMTP:%g.%s@contoso.com" },
        });
        Assert.Equal("Precanned", policy.RecipientFilterType);
        Assert.Equal("MailboxUsers", policy.IncludedRecipients);
        Assert.Equal(["Sales", "Marketing"], policy.ConditionalDepartment);
        Assert.Equal("((RecipientType -eq 'UserMailbox') -and ((Department -eq 'Sales') -or (Department -eq 'Marketing')))", policy.RecipientFilter);
    }

    [Fact]
    public async Task SetEditsConditionalValuesWithAddAndRemove()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-EmailAddressPolicy", new
        {
            Name = "Sales", IncludedRecipients = "MailboxUsers", ConditionalDepartment = new[] { "Sales", "Marketing" },
            EnabledEmailAddressTemplates = new[] { "SMTP:%g.%s@contoso.com" },
        });
        await org.RunAsync("Set-EmailAddressPolicy", new { Identity = "Sales", ConditionalDepartment = new { Add = new[] { "Support" }, Remove = new[] { "Marketing" } } });
        var policy = await org.PolicyAsync("Sales");
        Assert.Equal(["Sales", "Support"], policy.ConditionalDepartment);
        Assert.Equal("((RecipientType -eq 'UserMailbox') -and ((Department -eq 'Sales') -or (Department -eq 'Support')))", policy.RecipientFilter);
        Assert.False(policy.RecipientFilterApplied);
    }

    [Fact]
    public async Task ConditionalParametersNeedAPrecannedFilter()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-EmailAddressPolicy", new { Name = "Custom", RecipientFilter = "Department -eq 'Sales'", EnabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" } });
        var error = await org.RefusedWithoutChangeAsync("Set-EmailAddressPolicy", new { Identity = "Custom", ConditionalCompany = "Contoso" });
        Assert.Contains("IncludedRecipients", error.Message);
    }

    [Theory]
    [InlineData("Mailboxes")]
    [InlineData("AllRecipients, MailboxUsers")]
    public async Task InvalidIncludedRecipientsAreRefused(string included)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = "Bad", IncludedRecipients = included, EnabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" },
        });
        Assert.Equal("InvalidArgument", error.Category);
    }

    [Fact]
    public async Task ANameLongerThan64CharactersIsRefused()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = new string('p', 65), IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" },
        });
        Assert.Contains("64", error.Message);
    }

    [Fact]
    public async Task AHugeVariableCountIsAnArgumentError()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = "Huge", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%99999999999g@contoso.com" },
        });
        Assert.Equal("InvalidArgument", error.Category);
    }
}
