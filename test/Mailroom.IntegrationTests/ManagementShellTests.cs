using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.Sizes;

namespace Mailroom.IntegrationTests;

/// <summary>An administrator's session in pwsh: the cmdlets through the module, the API and a real node.</summary>
public sealed class ManagementShellTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly TestNode node = fixture.Node;

    [Fact]
    public void NewDomainPolicyAndMailboxGetThePolicysAddressesWhenApplied()
    {
        using var shell = PowerShellSession.Connect(node);
        shell.Run("New-AcceptedDomain -Name Fabrikam -DomainName fabrikam.com").ThrowIfErrors();
        shell.Run("New-Mailbox -Name 'Elizabeth Brunner' -Alias ebrunner -FirstName Elizabeth -LastName Brunner -Password (ConvertTo-SecureString 'Pa55word!x' -AsPlainText -Force)").ThrowIfErrors();
        var before = shell.Run("Get-Mailbox ebrunner").ThrowIfErrors();
        Assert.Equal("ebrunner@contoso.com", before.Property(0, "PrimarySmtpAddress"));
        Assert.Equal("ebrunner@contoso.com", before.Property(0, "UserPrincipalName"));

        shell.Run("New-EmailAddressPolicy -Name 'Fabrikam users' -IncludedRecipients MailboxUsers -EnabledEmailAddressTemplates 'SMTP:%g.%s@fabrikam.com','smtp:%1g%s@contoso.com' -Priority 1").ThrowIfErrors();
        Assert.Equal("ebrunner@contoso.com", shell.Run("(Get-Mailbox ebrunner).PrimarySmtpAddress").Output[0].BaseObject);

        shell.Run("Update-EmailAddressPolicy 'Fabrikam users'").ThrowIfErrors();
        var after = shell.Run("Get-Mailbox ebrunner").ThrowIfErrors();
        Assert.Equal("elizabeth.brunner@fabrikam.com", after.Property(0, "PrimarySmtpAddress"));
        Assert.Equal("elizabeth.brunner@fabrikam.com", after.Property(0, "UserPrincipalName"));
        var addresses = ((object[])after.Property(0, "EmailAddresses")!).Cast<string>().ToList();
        Assert.Equal(["smtp:ebrunner@contoso.com", "SMTP:elizabeth.brunner@fabrikam.com"], addresses);
        Assert.Equal(true, shell.Run("(Get-EmailAddressPolicy 'Fabrikam users').RecipientFilterApplied").Output[0].BaseObject);

        shell.Run("Remove-Mailbox ebrunner -Confirm:$false").ThrowIfErrors();
        shell.Run("Remove-EmailAddressPolicy 'Fabrikam users' -Confirm:$false").ThrowIfErrors();
        shell.Run("Remove-AcceptedDomain Fabrikam -Confirm:$false").ThrowIfErrors();
    }

    [Fact]
    public void OutputObjectsCarryExchangeTypesAndPipeByIdentity()
    {
        using var shell = PowerShellSession.Connect(node);
        var database = shell.Run("Get-MailboxDatabase").ThrowIfErrors().Output[0];
        Assert.Equal("Mailroom.MailboxDatabase", database.TypeNames[0]);
        Assert.Equal(QuotaSize.FromBytes(2_147_483_648), database.Properties["ProhibitSendQuota"].Value);
        Assert.Equal("2 GB (2,147,483,648 bytes)", database.Properties["ProhibitSendQuota"].Value.ToString());
        var identity = Assert.IsType<ObjectIdentity>(database.Properties["Identity"].Value);
        Assert.Equal(database.Properties["Guid"].Value, identity.ObjectGuid);

        var table = shell.Text("Get-MailboxDatabase");
        Assert.Matches(@"Name\s+Server\s+Recovery\s+ReplicationType", table);
        Assert.Contains("EX1", table);
    }

    [Fact]
    public void WhatIfChangesNothingAndSaysWhatWouldHappen()
    {
        using var shell = PowerShellSession.Connect(node);
        var result = shell.Run("New-AcceptedDomain -Name WhatIfDomain -DomainName whatif.example -WhatIf; Get-AcceptedDomain | ForEach-Object Name").ThrowIfErrors();
        Assert.DoesNotContain("WhatIfDomain", result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void UnknownAndAmbiguousIdentitiesAreErrorsWithExchangeWording()
    {
        using var shell = PowerShellSession.Connect(node);
        var missing = shell.Run("Get-Mailbox nobody-here").SingleError();
        Assert.Equal("ManagementObjectNotFoundException,Mailroom.PowerShell.Cmdlets.Mailbox.GetMailboxCommand", missing.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, missing.CategoryInfo.Category);
        Assert.Equal("The operation couldn't be performed because object 'nobody-here' couldn't be found on 'ex1.contoso.com'.", missing.Exception.Message);

        shell.Run("New-Mailbox -Name amb1 -Alias ambiguous -Password (ConvertTo-SecureString 'Pa55word!x' -AsPlainText -Force)").ThrowIfErrors();
        shell.Run("New-Mailbox -Name ambiguous -Alias amb2 -Password (ConvertTo-SecureString 'Pa55word!x' -AsPlainText -Force)").ThrowIfErrors();
        var ambiguous = shell.Run("Get-Mailbox ambiguous").SingleError();
        Assert.StartsWith("ManagementObjectAmbiguousException,", ambiguous.FullyQualifiedErrorId);
        Assert.Contains("matches multiple entries", ambiguous.Exception.Message);
        shell.Run("Remove-Mailbox amb1 -Confirm:$false; Remove-Mailbox amb2 -Confirm:$false").ThrowIfErrors();
    }

    [Fact]
    public void ARefusedChangeLeavesTheDirectoryAsItWas()
    {
        using var shell = PowerShellSession.Connect(node);
        var database = shell.Run("(Get-MailboxDatabase)[0].Name").Output[0].BaseObject;
        var error = shell.Run("Set-MailboxDatabase $args[0] -ProhibitSendQuota 3GB -IssueWarningQuota 1GB", database).SingleError();
        Assert.StartsWith("QuotaOrderViolation", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        var after = shell.Run("Get-MailboxDatabase $args[0]", database).ThrowIfErrors();
        Assert.Equal("2 GB (2,147,483,648 bytes)", after.Property(0, "ProhibitSendQuota")!.ToString());
        Assert.Equal("1.899 GB (2,039,480,320 bytes)", after.Property(0, "IssueWarningQuota")!.ToString());
    }

    [Fact]
    public void ClientAccessServiceAnswersToItsOlderNameAndKeepsTheScpSettings()
    {
        using var shell = PowerShellSession.Connect(node);
        shell.Run("Set-ClientAccessService -Identity EX1 -AutoDiscoverServiceInternalUri https://mail.contoso.com/autodiscover/autodiscover.xml -AutoDiscoverSiteScope Default-First-Site-Name -DomainController dc1.contoso.com").ThrowIfErrors();
        var cas = shell.Run("Get-ClientAccessServer -Identity ex1.contoso.com").ThrowIfErrors();
        Assert.Equal("https://mail.contoso.com/autodiscover/autodiscover.xml", cas.Property(0, "AutoDiscoverServiceInternalUri"));
        Assert.Equal(new object[] { "Default-First-Site-Name" }, (object[])cas.Property(0, "AutoDiscoverSiteScope")!);
        Assert.Equal(new Guid("77378F46-2C66-4aa9-A6A6-3E7A48B19596"), cas.Property(0, "AutoDiscoverServiceGuid"));
        Assert.Equal("ms-Exchange-AutoDiscover-Service", cas.Property(0, "AutoDiscoverServiceClassName"));
    }

    [Fact]
    public void ANewDatabaseInASiteWithAnArrayGetsTheArrayFqdn()
    {
        using var shell = PowerShellSession.Connect(node);
        shell.Run("New-ClientAccessArray -Fqdn casarray01.contoso.com -Site Default-First-Site-Name").ThrowIfErrors();
        var array = shell.Run("Get-ClientAccessArray casarray01").ThrowIfErrors();
        Assert.Equal(new object[] { "ex1.contoso.com" }, (object[])array.Property(0, "Members")!);

        shell.Run("New-MailboxDatabase -Name DB-Array -Server EX1").ThrowIfErrors();
        Assert.Equal("casarray01.contoso.com", shell.Run("(Get-MailboxDatabase DB-Array).RpcClientAccessServer").Output[0].BaseObject);
        shell.Run("Remove-MailboxDatabase DB-Array -Confirm:$false; Remove-ClientAccessArray casarray01 -Confirm:$false").ThrowIfErrors();
    }

    [Fact]
    public void AUserOutsideOrganizationManagementIsRefusedChanges()
    {
        using (var admin = PowerShellSession.Connect(node))
        {
            admin.Run("New-Mailbox -Name 'Plain User' -Alias plain -Password (ConvertTo-SecureString 'Pa55word!x' -AsPlainText -Force)").ThrowIfErrors();
        }

        using var user = PowerShellSession.Connect(node, "plain@contoso.com", "Pa55word!x");
        var error = user.Run("New-AcceptedDomain -Name Evil -DomainName evil.example").SingleError();
        Assert.StartsWith("AccessDenied,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);

        using var admin2 = PowerShellSession.Connect(node);
        Assert.DoesNotContain("Evil", admin2.Run("Get-AcceptedDomain | ForEach-Object Name").Output.Select(o => o.BaseObject));
        admin2.Run("Remove-Mailbox plain -Confirm:$false").ThrowIfErrors();
    }

    [Fact]
    public void AWrongPasswordCannotConnect()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PowerShellSession.Connect(node, password: "not-the-password"));
        Assert.Contains("AccessDenied", error.Message);
    }
}
