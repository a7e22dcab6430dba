using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests.Properties;

/// <summary>Canonical text reproduces the tree, and compilation preserves meaning.</summary>
public class RoundTripProperties
{
    [Property(MaxTest = 2000)]
    public Property CanonicalTextParsesBackToAnEqualTree() =>
        Prop.ForAll(
            AstGenerators.Nodes(AstGenerators.WildText).ToArbitrary(),
            ast => TestSchema.Parse(ast.ToString()).Root.Equals(ast));

    [Property(MaxTest = 500)]
    public Property ReparsedFilterEvaluatesLikeTheOriginalTree()
    {
        var cases =
            from ast in AstGenerators.Nodes(AstGenerators.TameText)
            from records in Gen.ArrayOf(RecordGenerators.Records, 5)
            select (ast, records);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var original = OPathFilter.FromRoot(c.ast);
            var reparsed = TestSchema.Parse(c.ast.ToString());
            return c.records.All(r => original.Evaluate(r) == reparsed.Evaluate(r));
        });
    }

    [Property(MaxTest = 3000)]
    public Property CompiledPredicateAgreesWithTheReferenceSemantics()
    {
        var cases =
            from ast in AstGenerators.Nodes(AstGenerators.TameText)
            from record in RecordGenerators.Records
            select (ast, record);
        return Prop.ForAll(cases.ToArbitrary(), c =>
            TestSchema.Parse(c.ast.ToString()).Evaluate(c.record) == ReferenceEvaluator.Evaluate(c.ast, c.record));
    }
}
