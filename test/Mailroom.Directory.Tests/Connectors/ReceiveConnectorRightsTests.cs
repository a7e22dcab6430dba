using Mailroom.Directory.Connectors;
using Mailroom.Directory.Model;
using static Mailroom.Directory.Model.AuthMechanisms;
using static Mailroom.Directory.Model.PermissionGroups;

namespace Mailroom.Directory.Tests.Connectors;

/// <summary>What each permission group grants a session (exchange.md §1.5, §8.1), and that nothing grants an anonymous session relay.</summary>
public class ReceiveConnectorRightsTests
{
    private const AuthMechanisms FrontendAuth = Tls | Integrated | BasicAuth | BasicAuthRequireTLS | ExchangeServer;
    private const PermissionGroups FrontendGroups = AnonymousUsers | ExchangeUsers | ExchangeServers | ExchangeLegacyServers;

    /// <summary>Expected rights as letters: S submit, R relay (any recipient), A any sender, D authoritative-domain sender, B bypass size.</summary>
    public static TheoryData<PermissionGroups, AuthMechanisms, bool, string, PermissionGroups> Cases => new()
    {
        // Default Frontend: strangers deliver to accepted domains, users who sign in may relay.
        { FrontendGroups, FrontendAuth, false, "SAD", AnonymousUsers },
        { FrontendGroups, FrontendAuth, true, "SR", ExchangeUsers },

        // Client Frontend: nothing until the user signs in.
        { ExchangeUsers, Tls | BasicAuth | BasicAuthRequireTLS, false, "", PermissionGroups.None },
        { ExchangeUsers, Tls | BasicAuth | BasicAuthRequireTLS, true, "SR", ExchangeUsers },

        // Internet usage: anonymous only; signing in gives nothing.
        { AnonymousUsers, Tls, false, "SAD", AnonymousUsers },
        { AnonymousUsers, Tls, true, "", PermissionGroups.None },

        // Groups whose principals Mailroom can't establish grant nothing.
        { ExchangeServers | ExchangeLegacyServers, Tls | ExchangeServer, false, "", PermissionGroups.None },
        { Partners, Tls, false, "", PermissionGroups.None },
        { Custom, Tls, false, "", PermissionGroups.None },
        { PermissionGroups.None, Tls, true, "", PermissionGroups.None },

        // Externally secured: every session in the ranges is a server of the organization, with or without AUTH.
        { ExchangeServers, Tls | ExternalAuthoritative, false, "SRADB", ExchangeServers },
        { ExchangeServers | ExchangeUsers, Tls | ExternalAuthoritative, true, "SRADB", ExchangeServers | ExchangeUsers },

        // A connector saved before the validation rule existed still never gives an anonymous session relay:
        // externally secured means server rights, never anonymous ones on top.
        { AnonymousUsers | ExchangeServers, ExternalAuthoritative, false, "SRADB", ExchangeServers },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GroupsGrantExchangesRights(PermissionGroups groups, AuthMechanisms auth, bool authenticated, string expected, PermissionGroups grantedBy)
    {
        var rights = ReceiveConnectorRights.Of(new ReceiveConnector { PermissionGroups = groups, AuthMechanism = auth }, authenticated);
        var letters = string.Concat(
            rights.Submit ? "S" : string.Empty,
            rights.AcceptAnyRecipient ? "R" : string.Empty,
            rights.AcceptAnySender ? "A" : string.Empty,
            rights.AcceptAuthoritativeDomainSender ? "D" : string.Empty,
            rights.BypassMessageSizeLimit ? "B" : string.Empty);
        Assert.Equal(expected, letters);
        Assert.Equal(grantedBy, rights.GrantedBy);
    }

    /// <summary>Every combination without ExternalAuthoritative: an unauthenticated session never relays.</summary>
    [Fact]
    public void NoAnonymousSessionRelaysWithoutAnExternallySecuredConnector()
    {
        for (var groups = 0; groups < 64; groups++)
        {
            for (var auth = 0; auth < 32; auth++)
            {
                var connector = new ReceiveConnector { PermissionGroups = (PermissionGroups)groups, AuthMechanism = (AuthMechanisms)auth };
                Assert.False(ReceiveConnectorRights.Of(connector, authenticated: false).AcceptAnyRecipient, $"{connector.PermissionGroups} / {connector.AuthMechanism}");
            }
        }
    }

    [Theory]
    [InlineData(ExchangeUsers, Tls | BasicAuth | BasicAuthRequireTLS, false, true, true, true)]
    [InlineData(ExchangeUsers, Tls | BasicAuth | BasicAuthRequireTLS, true, true, false, true)] // already signed in
    [InlineData(ExchangeUsers, Tls | BasicAuth, false, true, true, false)] // plain-text AUTH allowed
    [InlineData(AnonymousUsers, Tls | BasicAuth, false, true, false, false)] // signing in would give nothing
    [InlineData(ExchangeUsers, Tls | Integrated, false, true, false, false)] // no NTLM/Kerberos in Mailroom
    [InlineData(AnonymousUsers, AuthMechanisms.None, false, false, false, false)]
    public void TheConnectorDecidesWhatEhloOffers(PermissionGroups groups, AuthMechanisms auth, bool authenticated, bool startTls, bool offerAuth, bool authNeedsTls)
    {
        var rights = ReceiveConnectorRights.Of(new ReceiveConnector { PermissionGroups = groups, AuthMechanism = auth }, authenticated);
        Assert.Equal(startTls, rights.OfferStartTls);
        Assert.Equal(offerAuth, rights.OfferAuth);
        Assert.Equal(authNeedsTls, rights.AuthRequiresTls);
    }

    [Fact]
    public void RequireTlsComesFromTheConnector()
    {
        Assert.True(ReceiveConnectorRights.Of(new ReceiveConnector { PermissionGroups = ExchangeUsers, RequireTLS = true }, false).RequireTls);
        Assert.False(ReceiveConnectorRights.Of(new ReceiveConnector { PermissionGroups = ExchangeUsers }, false).RequireTls);
    }
}
