using System.Globalization;

namespace CometRunway.Emulator;

/// <summary>The command line of the standalone emulator: <c>[--port 5080] [--key &lt;key&gt;]</c>.</summary>
public sealed record StandaloneArguments(int Port, string ApiKey, bool ShowHelp)
{
    public const int DefaultPort = 5080;

    public static string Usage { get; } =
        "Usage: dotnet run --project tools/CometRunway.Emulator -- [--port <0-65535>] [--key <api key>]\n" +
        $"  --port  port on 127.0.0.1 (default {DefaultPort}; 0 picks a free one)\n" +
        $"  --key   the API key to accept (default {EmulatorOptions.DefaultApiKey})";

    /// <summary>Parses <paramref name="args"/>; on bad input returns null and a message saying what and why.</summary>
    public static StandaloneArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        var port = DefaultPort;
        var key = EmulatorOptions.DefaultApiKey;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name.ToLowerInvariant())
            {
                case "-h" or "--help" or "-?" or "/?":
                    return new StandaloneArguments(port, key, ShowHelp: true);
                case "--port" or "-p":
                    if (!TryValue(args, ref i, name, out var portText, out error))
                    {
                        return null;
                    }

                    if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        error = $"--port must be a number from 0 to 65535, not '{portText}'.";
                        return null;
                    }

                    break;
                case "--key" or "-k":
                    if (!TryValue(args, ref i, name, out var keyText, out error))
                    {
                        return null;
                    }

                    if (string.IsNullOrWhiteSpace(keyText) || keyText.Any(char.IsWhiteSpace))
                    {
                        error = "--key must be a non-empty key without spaces.";
                        return null;
                    }

                    key = keyText;
                    break;
                default:
                    error = $"Unknown argument '{name}'.";
                    return null;
            }
        }

        return new StandaloneArguments(port, key, ShowHelp: false);
    }

    private static bool TryValue(IReadOnlyList<string> args, ref int index, string name, out string value, out string? error)
    {
        if (index + 1 >= args.Count)
        {
            value = "";
            error = $"{name} needs a value.";
            return false;
        }

        value = args[++index];
        error = null;
        return true;
    }
}
