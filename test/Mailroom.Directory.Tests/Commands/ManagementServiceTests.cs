using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>What every command goes through: the caller's role, parameter names and values.</summary>
public class ManagementServiceTests
{
    [Theory]
    [InlineData("Get-Mailbox", "Idenitty")]
    [InlineData("New-AcceptedDomain", "MakeDefault")]
    [InlineData("Set-Mailbox", "EmailAddress")]
    public async Task AnUnknownParameterIsRefusedByName(string command, string parameter)
    {
        await using var org = await TestOrganization.CreateAsync();
        var parameters = new Dictionary<string, object> { [parameter] = "x" };
        var error = await org.RefusedWithoutChangeAsync(command, parameters);
        Assert.Equal("NamedParameterNotFound", error.ErrorId);
        Assert.Equal("InvalidArgument", error.Category);
        Assert.Equal(parameter, error.TargetObject);
        Assert.Contains($"'{parameter}'", error.Message);
    }

    [Fact]
    public async Task ParameterNamesIgnoreCaseAndDomainControllerIsAccepted()
    {
        await using var org = await TestOrganization.CreateAsync();
        var parameters = new Dictionary<string, object> { ["identity"] = "contoso.com", ["DOMAINCONTROLLER"] = "dc1.contoso.com" };
        Assert.Equal("contoso.com", Assert.IsType<AcceptedDomain>(Assert.Single(await org.RunAsync("get-accepteddomain", parameters))).Name);
    }

    [Fact]
    public async Task AnUnknownCommandIsNotRecognized()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedAsync("Get-Mailboxes", new { });
        Assert.Equal("CommandNotFoundException", error.ErrorId);
    }

    [Theory]
    [InlineData("New-AcceptedDomain")]
    [InlineData("Set-AcceptedDomain")]
    [InlineData("Remove-AcceptedDomain")]
    [InlineData("New-Mailbox")]
    [InlineData("Update-EmailAddressPolicy")]
    [InlineData("Set-ClientAccessServer")]
    public async Task AViewOnlyCallerCannotChangeAnything(string command)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync(command, new { Name = "fabrikam.com", DomainName = "fabrikam.com" }, TestOrganization.ViewOnly);
        Assert.Equal("AccessDenied", error.ErrorId);
        Assert.Equal("PermissionDenied", error.Category);
        Assert.Contains("Organization Management", error.Message);
    }

    [Fact]
    public async Task AViewOnlyCallerCanRead()
    {
        await using var org = await TestOrganization.CreateAsync();
        Assert.Single(await org.RunAsync("Get-AcceptedDomain", caller: TestOrganization.ViewOnly));
        Assert.Single(await org.RunAsync("Get-Mailbox", caller: TestOrganization.ViewOnly));
        Assert.Single(await org.RunAsync("Get-ClientAccessServer", caller: TestOrganization.ViewOnly));
    }

    [Fact]
    public async Task ACallerWithNoRoleCannotEvenRead()
    {
        await using var org = await TestOrganization.CreateAsync();
        var nobody = new Caller(Guid.NewGuid(), "nobody", false, false);
        var error = await org.RefusedAsync("Get-Mailbox", new { }, nobody);
        Assert.Equal("AccessDenied", error.ErrorId);
        Assert.Equal("PermissionDenied", error.Category);
    }

    [Fact]
    public async Task TheRoleIsCheckedBeforeParameters()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedAsync("New-Mailbox", new { NoSuchParameter = 1 }, TestOrganization.ViewOnly);
        Assert.Equal("AccessDenied", error.ErrorId);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    public async Task ABadBooleanIsAnArgumentError(string value)
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        var error = await org.RefusedWithoutChangeAsync("Set-AcceptedDomain", new { Identity = "fabrikam.com", MakeDefault = value });
        Assert.Equal("InvalidArgumentException", error.ErrorId);
        Assert.Contains("MakeDefault", error.Message);
    }

    [Fact]
    public async Task BooleansAlsoArriveAsText()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        await org.RunAsync("Set-AcceptedDomain", new { Identity = "fabrikam.com", MakeDefault = "True" });
        Assert.True((await org.DomainAsync("fabrikam.com")).Default);
    }

    [Fact]
    public async Task AListWhereOneValueIsExpectedIsAnArgumentError()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-AcceptedDomain", new { Name = new[] { "a", "b" }, DomainName = "fabrikam.com" });
        Assert.Equal("InvalidArgument", error.Category);
    }

    [Fact]
    public async Task AMissingRequiredParameterIsNamed()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-AcceptedDomain", new { Name = "Fabrikam" });
        Assert.Equal("ParameterArgumentValidationErrorNullNotAllowed", error.ErrorId);
        Assert.Equal("DomainName", error.TargetObject);
    }
}
