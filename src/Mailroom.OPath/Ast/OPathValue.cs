namespace Mailroom.OPath;

/// <summary>The right-hand side of a comparison. <see cref="ToString"/> prints it as an OPath literal.</summary>
public abstract record OPathValue
{
    private protected OPathValue()
    {
    }

    public sealed override string ToString() => OPathWriter.WriteValue(this);
}

/// <summary>A quoted (or bare-word) string.</summary>
public sealed record OPathStringValue(string Value) : OPathValue
{
    public string Value { get; init; } = Value ?? throw new ArgumentNullException(nameof(Value));
}

public sealed record OPathIntegerValue(long Value) : OPathValue;

/// <summary><c>$true</c> or <c>$false</c>.</summary>
public sealed record OPathBooleanValue(bool Value) : OPathValue;

/// <summary><c>$null</c>.</summary>
public sealed record OPathNullValue : OPathValue
{
    private OPathNullValue()
    {
    }

    public static OPathNullValue Instance { get; } = new();
}
