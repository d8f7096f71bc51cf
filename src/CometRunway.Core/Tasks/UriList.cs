using System.Collections.ObjectModel;

namespace CometRunway.Core.Tasks;

/// <summary>
/// A task's output or asset links. It lists like any collection; as text (what <c>Export-Csv</c> writes for a
/// property) it is the links separated by spaces, which <c>-split ' '</c> takes apart again.
/// </summary>
public sealed class UriList : ReadOnlyCollection<Uri>
{
    public static new UriList Empty { get; } = new([]);

    private UriList(IList<Uri> links)
        : base(links)
    {
    }

    /// <summary>The links as a list of this type: the same instance when they already are one.</summary>
    public static UriList Of(IEnumerable<Uri>? links) => links switch
    {
        null => Empty,
        UriList list => list,
        _ => new UriList(links.ToArray()),
    };

    /// <summary>Escaped links (a space inside one stays %20), so the separator is never part of a link.</summary>
    public override string ToString() =>
        string.Join(' ', Items.Select(link => link.IsAbsoluteUri ? link.AbsoluteUri : Uri.EscapeDataString(link.OriginalString)));
}
