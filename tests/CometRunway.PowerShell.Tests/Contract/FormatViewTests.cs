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
    public void TheTaskTableFitsAnEightyColumnConsole()
    {
        var table = XDocument.Load(FormatFile).Descendants("View")
            .First(v => v.Element("Name")!.Value == "RunwayTask" && v.Element("TableControl") is not null);
        var widths = table.Descendants("TableColumnHeader").Select(h => (int?)h.Element("Width")).ToArray();
        var fixedWidth = widths.Sum(w => w ?? 0) + widths.Length - 1;

        Assert.True(fixedWidth <= 80 - 6, $"fixed columns take {fixedWidth} of 80, leaving too little for the output column");
    }
}
