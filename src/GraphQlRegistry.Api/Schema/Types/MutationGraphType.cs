using GraphQL;
using GraphQL.Types;
using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.Api.Flags;
using GraphQlRegistry.Api.Grants;

namespace GraphQlRegistry.Api.Schema.Types;

public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType(GrantIssuance grants, AccessFlagging flagging)
    {
        Name = "Mutation";

        Field<NonNullGraphType<GrantGraphType>>("issueGrant")
            .Argument<NonNullGraphType<IssueGrantInputGraphType>>("input")
            .ResolveAsync(async c => await grants.IssueAsync(c, c.GetArgument<IssueGrantInput>("input")));

        Field<NonNullGraphType<GrantGraphType>>("revokeGrant")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c => await grants.RevokeAsync(c, c.GetArgument<string>("id"), c.GetArgument<string>("reason")));

        Field<NonNullGraphType<AccessFlagGraphType>>("flagAccess")
            .Argument<NonNullGraphType<IdGraphType>>("requestId")
            .Argument<NonNullGraphType<AccessFlagKindGraphType>>("kind")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(async c => await flagging.FlagAsync(c, c.GetArgument<string>("requestId"), c.GetArgument<AccessFlagKind>("kind"), c.GetArgument<string?>("reason")));
    }
}
