using System.Text.Json;
using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary>Writes a <see cref="MediaInput"/> as the string the body carries, or (for display) its abbreviation.</summary>
internal sealed class MediaInputConverter(bool display) : JsonConverter<MediaInput>
{
    public override MediaInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Create requests are only written.");

    public override void Write(Utf8JsonWriter writer, MediaInput value, JsonSerializerOptions options) =>
        writer.WriteStringValue(display ? value.DisplayValue : value.WireValue("media"));
}
