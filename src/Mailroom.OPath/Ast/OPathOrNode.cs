namespace Mailroom.OPath;

/// <summary><c>a -or b -or ...</c>: true when any operand is true.</summary>
public sealed record OPathOrNode : OPathNode
{
    public OPathOrNode(params IEnumerable<OPathNode> operands)
    {
        Operands = OperandList.Create(operands, "-or");
    }

    /// <summary>Two or more operands, in source order.</summary>
    public IReadOnlyList<OPathNode> Operands { get; }

    public bool Equals(OPathOrNode? other) =>
        other is not null && OperandList.SequenceEqual(Operands, other.Operands);

    public override int GetHashCode() => OperandList.GetHashCode(Operands, 31);
}
