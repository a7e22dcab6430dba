namespace ImapBench;

/// <summary>Where the server under test listens and whom to log in as.</summary>
internal sealed record ServerOptions(string Host, int Port, string User, string Password, string Mailbox, bool StartTls)
{
    /// <summary>A new connection, logged in with LOGIN (RFC 9051 §6.2.3).</summary>
    public ImapConnection Login()
    {
        var connection = ImapConnection.Open(Host, Port, StartTls);
        try
        {
            connection.Expect($"LOGIN {Quote(User)} {Quote(Password)}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
