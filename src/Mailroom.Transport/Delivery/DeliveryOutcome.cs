namespace Mailroom.Transport.Delivery;

/// <summary>The result of one delivery attempt for one recipient.</summary>
public abstract record DeliveryOutcome
{
    private DeliveryOutcome()
    {
    }

    public static readonly DeliveryOutcome Delivered = new Success();

    public sealed record Success : DeliveryOutcome;

    /// <summary>Try again later (4xx, connection failure, store busy).</summary>
    public sealed record Transient(string Reply) : DeliveryOutcome;

    /// <summary>Give up and tell the sender (5xx): <paramref name="Reply"/> like <c>554 5.2.2 mailbox full</c>.</summary>
    public sealed record Permanent(string Reply) : DeliveryOutcome;
}
