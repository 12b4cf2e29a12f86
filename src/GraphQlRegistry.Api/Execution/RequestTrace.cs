namespace GraphQlRegistry.Api.Execution;

/// <summary>What identifies one request in the log: the id its response names and the operation it ran.</summary>
public readonly record struct RequestTrace(string RequestId, string? OperationName);
