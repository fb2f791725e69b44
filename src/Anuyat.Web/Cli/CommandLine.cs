namespace Anuyat.Web.Cli;

/// <summary>A command's verb (first two words) and its <c>--name value</c> options.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;

    private CommandLine(string verb, Dictionary<string, string> options, IReadOnlyList<string> positional)
    {
        Verb = verb;
        _options = options;
        Positional = positional;
    }

    public string Verb { get; }

    /// <summary>Arguments after the verb that are not options, e.g. the folder of <c>catalog validate DIR</c>.</summary>
    public IReadOnlyList<string> Positional { get; }

    public static CommandLine Parse(string[] args)
    {
        var verb = args.Length > 1 ? $"{args[0]} {args[1]}" : args[0];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CommandLineException($"{args[i]}: a value is missing.");
                }

                options[args[i]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return new CommandLine(verb, options, positional);
    }

    public string Required(string name) => _options.TryGetValue(name, out var value) ? value : throw new CommandLineException($"{name} is required.");

    public string? Optional(string name) => _options.GetValueOrDefault(name);
}

public sealed class CommandLineException(string message) : Exception(message);
