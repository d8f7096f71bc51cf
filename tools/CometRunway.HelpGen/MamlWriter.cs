using System.Text;
using System.Xml;

namespace CometRunway.HelpGen;

/// <summary>Writes command pages as one MAML document, the format Get-Help reads for compiled cmdlets.</summary>
public static class MamlWriter
{
    private const string MshNs = "http://msh";
    private const string MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    private const string CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";
    private const string MsHelpNs = "http://msdn.microsoft.com/mshelp";

    /// <summary>UTF-8 without BOM, LF line ends, commands in the order given.</summary>
    public static string Write(IEnumerable<CommandPage> pages)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("helpItems", MshNs);
            xml.WriteAttributeString("schema", "maml");
            foreach (var page in pages)
            {
                WriteCommand(xml, page);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCommand(XmlWriter xml, CommandPage page)
    {
        xml.WriteStartElement("command", "command", CommandNs);
        xml.WriteAttributeString("xmlns", "maml", null, MamlNs);
        xml.WriteAttributeString("xmlns", "command", null, CommandNs);
        xml.WriteAttributeString("xmlns", "dev", null, DevNs);
        xml.WriteAttributeString("xmlns", "MSHelp", null, MsHelpNs);

        var dash = page.Name.IndexOf('-');
        xml.WriteStartElement("command", "details", CommandNs);
        xml.WriteElementString("command", "name", CommandNs, page.Name);
        xml.WriteElementString("command", "verb", CommandNs, dash > 0 ? page.Name[..dash] : page.Name);
        xml.WriteElementString("command", "noun", CommandNs, dash > 0 ? page.Name[(dash + 1)..] : string.Empty);
        WriteDescription(xml, page.Synopsis);
        xml.WriteEndElement();

        WriteDescription(xml, page.Description);
        WriteSyntax(xml, page);

        xml.WriteStartElement("command", "parameters", CommandNs);
        foreach (var parameter in page.Parameters)
        {
            WriteParameter(xml, parameter, withValueElement: true);
        }

        xml.WriteEndElement();

        WriteTypes(xml, "inputTypes", "inputType", page.Inputs);
        WriteTypes(xml, "returnValues", "returnValue", page.Outputs);

        xml.WriteStartElement("maml", "alertSet", MamlNs);
        xml.WriteStartElement("maml", "alert", MamlNs);
        WriteParagraphs(xml, page.Notes);
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("command", "examples", CommandNs);
        foreach (var example in page.Examples)
        {
            xml.WriteStartElement("command", "example", CommandNs);
            xml.WriteElementString("maml", "title", MamlNs, $"-------------------------- {example.Title} --------------------------");
            xml.WriteElementString("dev", "code", DevNs, example.Code);
            xml.WriteStartElement("dev", "remarks", DevNs);
            if (example.Output is not null)
            {
                // Under the code, line by line, as a console shows a command's output.
                xml.WriteElementString("maml", "para", MamlNs, example.Output);
            }

            WriteParagraphs(xml, example.Remarks);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("command", "relatedLinks", CommandNs);
        if (page.OnlineVersion is not null)
        {
            WriteLink(xml, "Online Version:", page.OnlineVersion);
        }

        foreach (var link in page.RelatedLinks)
        {
            var isLocalPage = link.Uri.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
            WriteLink(xml, link.Text, isLocalPage ? string.Empty : link.Uri);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteSyntax(XmlWriter xml, CommandPage page)
    {
        var byName = page.Parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        xml.WriteStartElement("command", "syntax", CommandNs);
        foreach (var block in page.Syntax)
        {
            xml.WriteStartElement("command", "syntaxItem", CommandNs);
            xml.WriteElementString("maml", "name", MamlNs, page.Name);
            foreach (var name in block.ParameterNames)
            {
                if (!byName.TryGetValue(name, out var parameter))
                {
                    throw new HelpFormatException($"{page.Name}: the syntax block '{block.ParameterSetName}' shows -{name}, which has no '### -{name}' section.");
                }

                WriteParameter(xml, parameter, withValueElement: !parameter.IsSwitch);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteParameter(XmlWriter xml, ParameterDoc parameter, bool withValueElement)
    {
        xml.WriteStartElement("command", "parameter", CommandNs);
        xml.WriteAttributeString("required", parameter.Required ? "true" : "false");
        xml.WriteAttributeString("variableLength", parameter.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false");
        xml.WriteAttributeString("globbing", parameter.AcceptsWildcards ? "true" : "false");
        xml.WriteAttributeString("pipelineInput", parameter.PipelineInput);
        xml.WriteAttributeString("position", parameter.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : parameter.Position);
        xml.WriteAttributeString("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases));
        xml.WriteElementString("maml", "name", MamlNs, parameter.Name);
        WriteDescription(xml, parameter.Description);
        if (withValueElement)
        {
            xml.WriteStartElement("command", "parameterValue", CommandNs);
            xml.WriteAttributeString("required", parameter.IsSwitch ? "false" : "true");
            xml.WriteAttributeString("variableLength", "false");
            xml.WriteString(parameter.Type);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("dev", "type", DevNs);
        xml.WriteElementString("maml", "name", MamlNs, parameter.Type);
        xml.WriteElementString("maml", "uri", MamlNs, string.Empty);
        xml.WriteEndElement();
        xml.WriteElementString("dev", "defaultValue", DevNs, parameter.DefaultValue);
        xml.WriteEndElement();
    }

    private static void WriteTypes(XmlWriter xml, string listName, string itemName, IReadOnlyList<TypeDoc> types)
    {
        xml.WriteStartElement("command", listName, CommandNs);
        foreach (var type in types)
        {
            xml.WriteStartElement("command", itemName, CommandNs);
            xml.WriteStartElement("dev", "type", DevNs);
            xml.WriteElementString("maml", "name", MamlNs, type.TypeName);
            xml.WriteEndElement();
            WriteDescription(xml, type.Description);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string text, string uri)
    {
        xml.WriteStartElement("maml", "navigationLink", MamlNs);
        xml.WriteElementString("maml", "linkText", MamlNs, text);
        xml.WriteElementString("maml", "uri", MamlNs, uri);
        xml.WriteEndElement();
    }

    private static void WriteDescription(XmlWriter xml, string markdown)
    {
        xml.WriteStartElement("maml", "description", MamlNs);
        WriteParagraphs(xml, markdown);
        xml.WriteEndElement();
    }

    private static void WriteParagraphs(XmlWriter xml, string markdown)
    {
        foreach (var paragraph in MamlText.Paragraphs(markdown))
        {
            xml.WriteElementString("maml", "para", MamlNs, paragraph);
        }
    }
}
