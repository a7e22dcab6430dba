namespace Mailroom.Protocols.Smtp;

public sealed partial class SmtpSession
{
    /// <summary>The receiver of a BDAT message whose LAST chunk has not arrived yet.</summary>
    internal MessageReceiver? PendingChunks { get; set; }

    internal void BeginTransaction(SmtpMailFrom mailFrom) => Transaction = new SmtpEnvelope(mailFrom);

    /// <summary>Ends the transaction, aborting a message still receiving chunks (RSET, EHLO, QUIT, disconnect).</summary>
    internal async ValueTask ResetTransactionAsync()
    {
        Transaction = null;
        var pending = PendingChunks;
        PendingChunks = null;
        if (pending is not null)
        {
            await pending.AbortAsync().ConfigureAwait(false);
            await pending.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>RFC 3207 §4.2: forget everything learnt before the handshake (EHLO name, authentication).</summary>
    internal async ValueTask ResetAfterTlsAsync()
    {
        await ResetTransactionAsync().ConfigureAwait(false);
        HeloName = null;
        IsExtended = false;
        AuthenticatedUser = null;
        AuthenticatedUserName = null;
        Lines.Input = Transport.Input;
    }
}
