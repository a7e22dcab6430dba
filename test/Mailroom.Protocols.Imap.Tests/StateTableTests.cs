namespace Mailroom.Protocols.Imap.Tests;

public sealed class StateTableTests
{
    [Theory]
    [InlineData(ImapState.NotAuthenticated, "CAPABILITY NOOP LOGOUT ID STARTTLS AUTHENTICATE LOGIN")]
    [InlineData(ImapState.Authenticated, "CAPABILITY NOOP LOGOUT ID SELECT EXAMINE CREATE DELETE RENAME SUBSCRIBE UNSUBSCRIBE LIST LSUB NAMESPACE STATUS APPEND IDLE GETQUOTA GETQUOTAROOT ENABLE")]
    [InlineData(ImapState.Logout, "")]
    public void EachStateAllowsRfc9051sCommands(ImapState state, string expected) =>
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), ImapStateTable.AllowedIn(state).Order());

    [Theory]
    [InlineData("FETCH")]
    [InlineData("STORE")]
    [InlineData("UID")]
    [InlineData("CLOSE")]
    [InlineData("SELECT")]
    public void SelectedAllowsMessageCommandsAndAuthenticatedOnes(string command) =>
        Assert.True(ImapStateTable.IsAllowed(ImapState.Selected, command));

    [Theory]
    [InlineData(ImapState.Selected, "ENABLE")]
    [InlineData(ImapState.Selected, "LOGIN")]
    [InlineData(ImapState.Authenticated, "FETCH")]
    [InlineData(ImapState.NotAuthenticated, "SELECT")]
    public void RefusesCommandsOutsideTheirState(ImapState state, string command) =>
        Assert.False(ImapStateTable.IsAllowed(state, command));

    [Fact]
    public void EveryHandlerIsInTheTableAndDiscoveredOnce()
    {
        Assert.NotEmpty(ImapCommandHandlers.All);
        Assert.All(ImapCommandHandlers.All, h => Assert.True(ImapStateTable.AllCommands.Contains(h.Name), h.Name));
        Assert.Equal(ImapCommandHandlers.All.Count, ImapCommandHandlers.All.Select(h => h.Name).Distinct().Count());
    }
}
