namespace Mailroom.Identity;

/// <summary>
/// The value of an <c>-Identity</c> parameter and of every object's <c>Identity</c> property. Typed text
/// (a name, DN, legacy DN or GUID) resolves on the server; an identity taken from an object the server returned
/// also carries the object's GUID, so piping <c>Get-X | Set-X</c> always reaches exactly that object.
/// </summary>
public sealed class ObjectIdentity
{
    public ObjectIdentity(string text)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        if (Guid.TryParse(text, out var guid))
        {
            ObjectGuid = guid;
        }
    }

    public ObjectIdentity(Guid guid)
        : this(guid.ToString())
    {
    }

    public ObjectIdentity(string displayName, Guid guid)
    {
        Text = displayName;
        ObjectGuid = guid;
    }

    /// <summary>What the administrator typed, or the display identity of a returned object.</summary>
    public string Text { get; }

    public Guid? ObjectGuid { get; }

    /// <summary>What the management API is asked to resolve: the GUID when known, else the text.</summary>
    public string ToWireValue() => ObjectGuid?.ToString() ?? Text;

    public override string ToString() => Text;
}
