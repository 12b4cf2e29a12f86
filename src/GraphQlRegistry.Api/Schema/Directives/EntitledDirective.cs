using GraphQL.Types;
using GraphQLParser.AST;
using GraphQlRegistry.Api.Schema.Types;

namespace GraphQlRegistry.Api.Schema.Directives;

/// <summary><c>@entitled(orgTypes:, grantedBy:, mask:)</c>: one rule of the entitlement matrix on a citizen field.</summary>
public sealed class EntitledDirective : Directive
{
    public const string DirectiveName = "entitled";

    public EntitledDirective() : base(DirectiveName, DirectiveLocation.FieldDefinition)
    {
        Repeatable = true;
        Arguments = new QueryArguments(
            new QueryArgument<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationTypeGraphType>>>> { Name = "orgTypes" },
            new QueryArgument<ListGraphType<NonNullGraphType<GrantingAuthorityGraphType>>> { Name = "grantedBy" },
            new QueryArgument<NonNullGraphType<FieldMaskGraphType>> { Name = "mask", DefaultValue = Policy.Fields.FieldMask.None });
    }
}

/// <summary><c>@whenPartial(render:)</c>: how a field shows when the field that reached it is partially masked.</summary>
public sealed class WhenPartialDirective : Directive
{
    public const string DirectiveName = "whenPartial";

    public WhenPartialDirective() : base(DirectiveName, DirectiveLocation.FieldDefinition)
    {
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<PartialRenderingGraphType>> { Name = "render" });
    }
}

/// <summary><c>@compares(field:)</c>: a match result decided as a clear read of the named citizen field.</summary>
public sealed class ComparesDirective : Directive
{
    public const string DirectiveName = "compares";

    public ComparesDirective() : base(DirectiveName, DirectiveLocation.FieldDefinition)
    {
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "field" });
    }
}

/// <summary><c>@accessLogged</c>: every resolved field of this type is written to the access log.</summary>
public sealed class AccessLoggedDirective : Directive
{
    public const string DirectiveName = "accessLogged";

    public AccessLoggedDirective() : base(DirectiveName, DirectiveLocation.Object)
    {
    }
}
