using GraphQL.Types;
using GraphQlRegistry.AccessLog.Flags;

namespace GraphQlRegistry.Api.Schema.Types;

public sealed class AccessFlagKindGraphType : EnumerationGraphType<AccessFlagKind>
{
    public AccessFlagKindGraphType() => Name = "AccessFlagKind";
}

public sealed class AccessFlagGraphType : ObjectGraphType<AccessFlag>
{
    public AccessFlagGraphType()
    {
        Name = "AccessFlag";
        Field<NonNullGraphType<StringGraphType>>("requestId").Resolve(c => c.Source.RequestId);
        Field<NonNullGraphType<AccessFlagKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("time").Resolve(c => c.Source.Time);
        Field<NonNullGraphType<StringGraphType>>("citizenRef").Resolve(c => c.Source.CitizenRef);
        Field<NonNullGraphType<StringGraphType>>("flaggedInRequestId").Resolve(c => c.Source.FlaggedInRequestId);
    }
}
