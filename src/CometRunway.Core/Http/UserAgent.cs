using System.Reflection;

namespace CometRunway.Core.Http;

/// <summary>The one User-Agent, sent to the API and to file hosts alike.</summary>
internal static class UserAgent
{
    public static string Value { get; } = Build();

    public static void AddTo(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("User-Agent", Value);

    private static string Build()
    {
        var version = typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        var value = $"CometRunway/{(plus < 0 ? version : version[..plus])} (PowerShell module; {Environment.OSVersion.Platform})";
        return HeaderValue.IsValid(value) ? value : "CometRunway";
    }
}
