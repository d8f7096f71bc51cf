using System.Runtime.CompilerServices;

namespace CometRunway.Core.Waiting;

internal sealed partial class RunwayTaskWaiter
{
    private void Verbose(string message) => verbose?.Invoke(message);

    /// <summary>Sends a line to the verbose callback. An interpolated message is not even formatted when there is none.</summary>
    private void Verbose([InterpolatedStringHandlerArgument("")] ref VerboseText message)
    {
        if (message.IsEnabled)
        {
            verbose!(message.ToStringAndClear());
        }
    }

    /// <summary>Formats <c>$"..."</c> only when the waiter has a verbose callback (the pattern of Debug.Assert's handler).</summary>
    [InterpolatedStringHandler]
    private ref struct VerboseText
    {
        private DefaultInterpolatedStringHandler text;

        public VerboseText(int literalLength, int formattedCount, RunwayTaskWaiter waiter, out bool isEnabled)
        {
            IsEnabled = isEnabled = waiter.verbose is not null;
            text = isEnabled ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
        }

        public bool IsEnabled { get; }

        public void AppendLiteral(string value) => text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => text.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => text.AppendFormatted(value, format);

        public string ToStringAndClear() => text.ToStringAndClear();
    }
}
