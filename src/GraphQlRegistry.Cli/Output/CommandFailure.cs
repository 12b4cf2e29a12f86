namespace GraphQlRegistry.Cli.Output;

/// <summary>A command cannot do what was asked (unknown organisation, no log there): its message is for the user, as is.</summary>
public sealed class CommandFailure(string message) : Exception(message);
