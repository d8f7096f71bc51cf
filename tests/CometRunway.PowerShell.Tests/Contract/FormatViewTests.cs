using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Xml.Linq;

namespace CometRunway.PowerShell.Tests.Contract;

public sealed class FormatViewTests
{
    private static readonly string FormatFile = CmdletTypes.RepositoryFile("module/CometRunway.Format.ps1xml");

    [Fact]
    public void FormatFileLoadsWithoutErrors() => _ = new FormatTable(new[] { FormatFile });

    [Fact]
    public void EveryOwnOutputTypeHasATableAndAListView()
    {
        var views = XDocument.Load(FormatFile).Descendants("View").ToList();
        var viewed = views.Where(v => v.Element("TableControl") is not null).Descendants("TypeName").Select(e => e.Value.Trim())
            .Intersect(views.Where(v => v.Element("ListControl") is not null).Descendants("TypeName").Select(e => e.Value.Trim()))
            .ToHashSet();
        var ownOutputTypes = CmdletTypes.All
            .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
            .SelectMany(a => a.Type)
            .Select(t => t.Type)
            .Where(t => t is not null && t.Namespace!.StartsWith("CometRunway", StringComparison.Ordinal))
            .Select(t => t!.FullName!)
            .Distinct();

        Assert.All(ownOutputTypes, name => Assert.Contains(name, viewed));
    }

    [Fact]
    public void TheTaskTableEndsWithTheOutputColumnWhichTakesWhatIsLeftAndHasRoomAtEightyColumns()
    {
        var table = XDocument.Load(FormatFile).Descendants("View")
            .First(v => v.Element("Name")!.Value == "RunwayTask" && v.Element("TableControl") is not null);
        var headers = table.Descendants("TableColumnHeader").Select(h => (Label: h.Element("Label")!.Value, Width: (int?)h.Element("Width"))).ToList();
        var before = headers.SkipLast(1).Sum(h => h.Width!.Value + 1);

        // PowerShell squeezes the last column that finds room to as little as one character (the Pester view test renders
        // widths 80 to 160): only a last column without a fixed width, whose cut value still reads, is safe at every width.
        Assert.Equal(("Output", (int?)null), headers[^1]);
        Assert.All(headers.SkipLast(1), h => Assert.NotNull(h.Width));
        Assert.True(80 - before >= 16, $"the columns before Output take {before} of 80 characters, leaving too little for it");
    }
}
