namespace Mailroom.OPath;

/// <summary>
/// A node of a parsed filter. Nodes are records with structural equality; <see cref="ToString"/>
/// prints canonical OPath text that parses back to an equal tree.
/// </summary>
public abstract record OPathNode
{
    private protected OPathNode()
    {
    }

    public sealed override string ToString() => OPathWriter.Write(this);
}
