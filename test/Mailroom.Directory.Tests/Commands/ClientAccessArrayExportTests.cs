using Mailroom.Directory.Bootstrap;
using Mailroom.Directory.Commands.ClientAccessArrays;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Export-ClientAccessArrayConfiguration -Format HAProxy: what it writes, and what it refuses or warns about.</summary>
public class ClientAccessArrayExportTests
{
    private static readonly Dictionary<string, string> Ports = new()
    {
        ["Https"] = "443", ["Smtp"] = "25", ["Submission"] = "587", ["SubmissionTls"] = "465",
        ["Imap"] = "143", ["Imaps"] = "993", ["Pop3"] = "110", ["Pop3s"] = "995",
    };

    private static Task AddMemberAsync(TestOrganization org, string name, string address, string site = "Default-First-Site-Name", string[]? certificate = null) =>
        new OrganizationBootstrapper(org.Store, TimeProvider.System).EnsureAsync(
            new NodeIdentity("First Organization", "contoso.com", name, name.ToLowerInvariant() + ".contoso.com", site, "test")
            {
                Listeners = Ports.ToDictionary(p => p.Key, p => $"{address}:{p.Value}"),
                CertificateDomains = certificate ?? [name.ToLowerInvariant() + ".contoso.com"],
            },
            adminPassword: null);

    [Fact]
    public async Task WritesAFrontendPerServiceWithEveryMemberAndHealthChecks()
    {
        await using var org = await TestOrganization.CreateAsync();
        await AddMemberAsync(org, "EX1", "10.0.0.11", certificate: ["ex1.contoso.com", "*.contoso.com"]); // registers EX1 again, now with listeners
        await AddMemberAsync(org, "EX2", "10.0.0.12");
        await org.RunAsync("New-ClientAccessArray", new { Fqdn = "mail.contoso.com", Site = "Default-First-Site-Name" });

        var output = await org.RunAsync("Export-ClientAccessArrayConfiguration", new { Identity = "mail", Format = "HAProxy", VirtualAddress = "10.0.0.10", ProxyProtocol = true });
        var file = Assert.IsType<ClientAccessArrayConfiguration>(Assert.Single(output)).FileData; // *.contoso.com covers the name: no warning
        foreach (var (service, port) in new[] { ("smtp", 25), ("submission", 587), ("submissions", 465), ("imap", 143), ("imaps", 993), ("pop3", 110), ("pop3s", 995), ("https", 443) })
        {
            Assert.Contains($"frontend {service}\n    bind 10.0.0.10:{port}\n", file.ReplaceLineEndings("\n"));
        }

        Assert.Contains("server EX1 10.0.0.11:993 check check-ssl verify none addr 10.0.0.11 port 443 send-proxy-v2 check-send-proxy", file);
        Assert.Contains("server EX2 10.0.0.12:25 check check-ssl verify none addr 10.0.0.12 port 443 send-proxy-v2 check-send-proxy", file);
        Assert.Contains("http-check send meth GET uri /imap/healthcheck.htm ver HTTP/1.1 hdr Host mail.contoso.com", file);
        Assert.Contains("http-check send meth GET uri /pop/healthcheck.htm", file);
        Assert.Contains("http-check send meth GET uri /smtp/healthcheck.htm", file);
        Assert.Equal(5, file.Split("balance source").Length - 1); // IMAP, IMAPS, POP3, POP3S and HTTPS keep clients on one member
    }

    [Fact]
    public async Task AnArrayWhoseNameNoCertificateCoversIsWarnedAbout()
    {
        await using var org = await TestOrganization.CreateAsync();
        await AddMemberAsync(org, "EX1", "10.0.0.11");
        await org.RunAsync("New-ClientAccessArray", new { Fqdn = "mail.contoso.com", Site = "Default-First-Site-Name" });

        var output = await org.RunAsync("Export-ClientAccessArrayConfiguration", new { Identity = "mail", Format = "HAProxy" });
        Assert.Contains("No member's certificate covers mail.contoso.com", Assert.IsType<ManagementWarning>(output[0]).Message);
        Assert.Contains("# WARNING: No member's certificate covers", Assert.IsType<ClientAccessArrayConfiguration>(output[1]).FileData);
    }

    [Fact]
    public async Task AnArrayWithoutMembersIsRefused()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.Store.WriteAsync(async tx =>
        {
            await tx.AddAsync(new Site { Guid = Guid.NewGuid(), Name = "Empty", DistinguishedName = "CN=Empty,CN=Sites,CN=Configuration,DC=contoso,DC=com" });
            return 0;
        });
        await org.RunAsync("New-ClientAccessArray", new { Fqdn = "empty.contoso.com", Site = "Empty" });
        var error = await org.RefusedWithoutChangeAsync("Export-ClientAccessArrayConfiguration", new { Identity = "empty", Format = "HAProxy" });
        Assert.Equal("InvalidOperation", error.Category);
        Assert.Contains("has no members", error.Message);
    }

    [Theory]
    [InlineData("Nginx", null, "isn't a format")]
    [InlineData("HAProxy", "not-an-ip", "must be an IP address")]
    public async Task BadParametersAreRefused(string format, string? vip, string message)
    {
        await using var org = await TestOrganization.CreateAsync();
        await AddMemberAsync(org, "EX1", "10.0.0.11");
        await org.RunAsync("New-ClientAccessArray", new { Fqdn = "mail.contoso.com", Site = "Default-First-Site-Name" });
        var error = await org.RefusedWithoutChangeAsync("Export-ClientAccessArrayConfiguration", new { Identity = "mail", Format = format, VirtualAddress = vip });
        Assert.Equal("InvalidArgument", error.Category);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task MemberPortsNeedMembersOnTheSamePorts()
    {
        await using var org = await TestOrganization.CreateAsync();
        await AddMemberAsync(org, "EX1", "10.0.0.11");
        await new OrganizationBootstrapper(org.Store, TimeProvider.System).EnsureAsync(
            new NodeIdentity("First Organization", "contoso.com", "EX2", "ex2.contoso.com", "Default-First-Site-Name", "test")
            {
                Listeners = Ports.ToDictionary(p => p.Key, p => p.Key == "Imap" ? "10.0.0.12:1143" : $"10.0.0.12:{p.Value}"),
            },
            adminPassword: null);
        await org.RunAsync("New-ClientAccessArray", new { Fqdn = "mail.contoso.com", Site = "Default-First-Site-Name" });
        var error = await org.RefusedWithoutChangeAsync("Export-ClientAccessArrayConfiguration", new { Identity = "mail", Format = "HAProxy", MemberPorts = true });
        Assert.Contains("Imap (143, 1143)", error.Message);
    }
}
