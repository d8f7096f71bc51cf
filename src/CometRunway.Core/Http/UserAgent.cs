using System.Reflection;

namespace CometRunway.Core.Http;

internal static class UserAgent
{
    public static string Value { get; } = Build();

    private static string Build()
    {
        var version = typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return $"CometRunway/{(plus < 0 ? version : version[..plus])} (PowerShell module; {Environment.OSVersion.Platform})";
    }
}
