using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>
/// A real Kestrel host on loopback, wired the way Mailroom.Server will do it: <c>AddMailroomSmtp</c>, a backend in DI,
/// one plain listener and one implicit-TLS listener (<c>UseHttps</c> before <c>UseSmtp</c>).
/// </summary>
public sealed class KestrelSmtpFixture : IAsyncLifetime
{
    private WebApplication? _app;

    internal FakeBackend Backend { get; } = new();

    public int PlainPort { get; private set; }

    public int ImplicitTlsPort { get; private set; }

    public async Task InitializeAsync()
    {
        var certificate = TestCertificates.Localhost;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddMailroomSmtp(options =>
        {
            options.ServerName = "localhost";
            options.Certificate = certificate;
        });
        builder.Services.AddSingleton<ISmtpBackend>(Backend);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseSmtp("Smtp"));
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.UseHttps(certificate);
                listen.UseSmtp("SubmissionTls");
            });
        });
        _app = builder.Build();
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        PlainPort = addresses.Single(a => a.Scheme == "http").Port;
        ImplicitTlsPort = addresses.Single(a => a.Scheme == "https").Port;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
