using GraphQL;
using GraphQL.Types;
using GraphQlRegistry.Api.Grants;

namespace GraphQlRegistry.Api.Schema.Types;

public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType(GrantIssuance grants)
    {
        Name = "Mutation";

        Field<NonNullGraphType<GrantGraphType>>("issueGrant")
            .Description("Granting officers: issue a grant. Refused with AUTHORITY_NOT_COMPETENT, nothing written, outside the officer's competence.")
            .Argument<NonNullGraphType<IssueGrantInputGraphType>>("input")
            .ResolveAsync(async c => await grants.IssueAsync(c, c.GetArgument<IssueGrantInput>("input")));

        Field<NonNullGraphType<GrantGraphType>>("revokeGrant")
            .Description("The issuing authority: revoke a grant. Effective from the next request.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c => await grants.RevokeAsync(c, c.GetArgument<string>("id"), c.GetArgument<string>("reason")));
    }
}
