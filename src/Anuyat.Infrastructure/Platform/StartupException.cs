namespace Anuyat.Infrastructure.Platform;

/// <summary>
/// Configuration or reference data that makes it unsafe to start. The message is one line naming what is wrong
/// (a file and column, a setting); Program prints it and exits non-zero without a stack trace.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupException()
    {
    }
}
