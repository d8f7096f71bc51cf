using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary>Source-generated serialization of the typed create requests (see <see cref="CreateJson"/> for how it is used).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImageToVideoRequest))]
[JsonSerializable(typeof(TextToImageRequest))]
[JsonSerializable(typeof(VideoToVideoRequest))]
[JsonSerializable(typeof(VideoUpscaleRequest))]
[JsonSerializable(typeof(CharacterPerformanceRequest))]
[JsonSerializable(typeof(ProGenerateRequest))]
[JsonSerializable(typeof(ProVideoToVideoRequest))]
[JsonSerializable(typeof(ProActOneRequest))]
internal sealed partial class CreateJsonContext : JsonSerializerContext;
