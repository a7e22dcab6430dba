using System.Diagnostics;
using System.Text.Json;

namespace Mailroom.IntegrationTests;

/// <summary>The management API driven with curl, as a script or a monitoring probe would use it.</summary>
public sealed class ManagementApiTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly TestNode node = fixture.Node;

    [Fact]
    public async Task WithoutCredentialsTheApiAsksForBasicAuthentication()
    {
        var (status, headers, _) = await CurlAsync("GET", "commands", user: null);
        Assert.Equal(401, status);
        Assert.Contains("www-authenticate: Basic realm=\"Mailroom\"", headers, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUnknownIdentityIsAProblemDocumentWithTheErrorId()
    {
        var (status, headers, body) = await CurlAsync("POST", "commands/Get-Mailbox", body: "{\"Identity\":\"ghost\"}");
        Assert.Equal(404, status);
        Assert.Contains("content-type: application/problem+json", headers, StringComparison.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("ManagementObjectNotFoundException", doc.RootElement.GetProperty("errorId").GetString());
        Assert.Equal("ObjectNotFound", doc.RootElement.GetProperty("category").GetString());
        Assert.Equal("ghost", doc.RootElement.GetProperty("targetObject").GetString());
    }

    [Theory]
    [InlineData("commands/Get-Mailbox", "{not json", 400, "InvalidRequestBody")]
    [InlineData("commands/Get-Mailbox", "{\"Colour\":\"blue\"}", 400, "NamedParameterNotFound")]
    [InlineData("commands/Format-Disk", "{}", 404, "CommandNotFoundException")]
    [InlineData("commands/New-AcceptedDomain", "{\"Name\":\"x\",\"DomainName\":\"bad..domain\"}", 400, "InvalidArgumentException")]
    [InlineData("commands/New-AcceptedDomain", "{\"Name\":\"dup\",\"DomainName\":\"contoso.com\"}", 409, "ADObjectAlreadyExistsException")]
    [InlineData("commands/New-Mailbox", "{\"Name\":\"Weak\",\"Password\":\"short\"}", 400, "PasswordPolicyViolation")]
    [InlineData("commands/Set-Mailbox", "{\"Identity\":\"administrator\",\"ProhibitSendQuota\":[1,2]}", 400, "InvalidArgumentException")]
    public async Task BadInputGetsAClearProblemAndNoStackTrace(string path, string body, int expectedStatus, string errorId)
    {
        var (status, _, response) = await CurlAsync("POST", path, body: body);
        Assert.Equal(expectedStatus, status);
        using var doc = JsonDocument.Parse(response);
        Assert.Equal(errorId, doc.RootElement.GetProperty("errorId").GetString());
        Assert.DoesNotContain("   at ", response);
        Assert.DoesNotContain("Exception:", response);
    }

    [Fact]
    public async Task NoOutputEverCarriesAPasswordOrItsHash()
    {
        var (status, _, body) = await CurlAsync("POST", "commands/Get-Mailbox", body: "{}");
        Assert.Equal(200, status);
        Assert.Contains("administrator@contoso.com", body);
        Assert.DoesNotContain("pbkdf2", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Password", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestNode.AdminPassword, body);
    }

    private async Task<(int Status, string Headers, string Body)> CurlAsync(string method, string path, string? body = null, string? user = "admin")
    {
        var headersFile = Path.GetTempFileName();
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "-sk", "-X", method, "-D", headersFile, "-H", "content-type: application/json" })
        {
            start.ArgumentList.Add(arg);
        }

        if (user is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add($"{node.AdminUser}:{TestNode.AdminPassword}");
        }

        if (body is not null)
        {
            start.ArgumentList.Add("--data-binary");
            start.ArgumentList.Add("@-");
        }

        start.ArgumentList.Add(new Uri(node.HttpsUri, "api/management/v1/" + path).ToString());
        using var curl = Process.Start(start)!;
        await curl.StandardInput.WriteAsync(body ?? string.Empty);
        curl.StandardInput.Close();
        var output = await curl.StandardOutput.ReadToEndAsync();
        await curl.WaitForExitAsync();
        Assert.True(curl.ExitCode == 0, "curl failed: " + await curl.StandardError.ReadToEndAsync());
        var headers = await File.ReadAllTextAsync(headersFile);
        File.Delete(headersFile);
        var status = int.Parse(headers.Split(' ', 3)[1]);
        return (status, headers, output);
    }
}
