using CometRunway.Core.Creating;

namespace CometRunway.Core.Tests.Creating;

/// <summary>Media inputs are checked when made: URL rules, data URI rules, file types by content, and the size limits.</summary>
public sealed class MediaInputTests : IDisposable
{
    private readonly TempMedia media = new();

    public void Dispose() => media.Dispose();

    [Theory]
    [InlineData("https://assets.example.com/cat.png")]
    [InlineData("  https://cdn.example.com/a/b.mp4?sig=x%2By&exp=1  ")]
    public void HttpsUrlsOnDomainNamesAreSentAsGiven(string url)
    {
        var input = MediaInput.FromUrl(url, "PromptImage");

        Assert.Equal(url.Trim(), input.Uri);
        Assert.Equal(url.Trim(), input.DisplayValue);
        Assert.Equal((MediaKind.None, null, 0L), (input.Kind, input.FilePath, input.DataUriLength));
        Assert.True(MediaInput.LooksLikeUrl(url));
    }

    [Theory]
    [InlineData("http://assets.example.com/cat.png", "not an HTTPS URL")]
    [InlineData("ftp://assets.example.com/cat.png", "not an HTTPS URL")]
    [InlineData("runway://upload/abc", "not an HTTPS URL")]
    [InlineData("https://user:pw@assets.example.com/cat.png", "user name or password")]
    [InlineData("https://203.0.113.7/cat.png", "IP address")]
    [InlineData("https://[2001:db8::1]/cat.png", "IP address")]
    [InlineData("data:image/png,iVBORw0KGgo=", "not a base64 data URI")]
    [InlineData("data:image/gif;base64,R0lGODlh", "'image/gif' is not one Runway takes")]
    [InlineData("data:text/plain;base64,aGk=", "'text/plain' is not one Runway takes")]
    [InlineData("data:image/png;base64,abc", "not valid base64")]
    [InlineData("data:image/png;base64,", "not valid base64")]
    public void BadUrlsAreRefusedNamingTheParameterAndTheRule(string url, string reason)
    {
        var error = Assert.Throws<RunwayCreateException>(() => MediaInput.FromUrl(url, "PromptImage"));

        Assert.Equal((CreateErrorKind.InvalidRequest, "PromptImage"), (error.Kind, error.ParameterName));
        Assert.StartsWith("PromptImage: ", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain("pw@", error.Message);
    }

    [Fact]
    public void UrlsLongerThan2048CharactersAreRefused()
    {
        var error = Assert.Throws<RunwayCreateException>(() => MediaInput.FromUrl("https://example.com/" + new string('a', 2029)));

        Assert.Contains("2049 characters", error.Message);
        Assert.Equal(2048, MediaInput.FromUrl("https://example.com/" + new string('a', 2028)).Uri!.Length);
    }

    [Fact]
    public void DataUrisCarryTheirTypeAndAreAbbreviatedForDisplay()
    {
        var input = MediaInput.FromUrl("data:video/mp4;base64,AAAAGGZ0eXBtcDQy", "VideoUri");

        Assert.Equal(("video/mp4", MediaKind.Video, 38L), (input.MediaType, input.Kind, input.DataUriLength));
        Assert.Equal("data:video/mp4;base64,… (38 characters)", input.DisplayValue);
    }

    [Fact]
    public void DataUrisOverTheirKindsLimitAreRefusedBeforeAnythingIsSent()
    {
        var prefix = "data:image/png;base64,";
        var atLimit = prefix + new string('A', (MediaInput.MaxImageDataUriLength - prefix.Length) / 4 * 4);
        var video = "data:video/mp4;base64," + new string('A', (MediaInput.MaxImageDataUriLength / 4 * 4) + 400);

        Assert.Equal(MediaKind.Image, MediaInput.FromUrl(atLimit).Kind);
        var error = Assert.Throws<RunwayCreateException>(() => MediaInput.FromUrl(atLimit + "AAAA", "PromptImage"));
        Assert.Contains("over Runway's 5.0 MB limit for images", error.Message);
        Assert.Equal(MediaKind.Video, MediaInput.FromUrl(video).Kind);
    }

    [Theory]
    [InlineData("cat.png", "png", "image/png")]
    [InlineData("photo.jpeg", "jpeg", "image/jpeg")]
    [InlineData("still.webp", "webp", "image/webp")]
    [InlineData("clip.mp4", "mp4", "video/mp4")]
    [InlineData("clip.mov", "mov", "video/quicktime")]
    [InlineData("clip.webm", "webm", "video/webm")]
    [InlineData("no-extension", "png", "image/png")]
    [InlineData("named-wrong.mp4", "jpeg", "image/jpeg")]
    public void FilesAreTypedByTheirContentAndSentAsDataUris(string name, string content, string mediaType)
    {
        var signature = content switch
        {
            "png" => TempMedia.PngSignature,
            "jpeg" => TempMedia.JpegSignature,
            "webp" => TempMedia.WebpSignature,
            "mp4" => TempMedia.Mp4Signature,
            "mov" => TempMedia.MovSignature,
            _ => TempMedia.WebmSignature,
        };
        var path = media.File(name, signature, length: 100);

        var input = MediaInput.Parse(path, "PromptImage");
        var wire = input.WireValue("PromptImage");

        Assert.False(MediaInput.LooksLikeUrl(path));
        Assert.Equal((path, mediaType), (input.FilePath, input.MediaType));
        Assert.Equal($"data:{mediaType};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}", wire);
        Assert.Equal(wire.Length, input.DataUriLength);
        Assert.Contains(path, input.DisplayValue);
        Assert.DoesNotContain(Convert.ToBase64String(File.ReadAllBytes(path)), input.DisplayValue);
    }

    [Fact]
    public void UnknownEmptyOrMissingFilesAreRefused()
    {
        var gif = media.File("anim.gif", TempMedia.GifSignature);
        var text = Path.Combine(media.Folder, "notes.png");
        File.WriteAllText(text, "not an image at all");
        var empty = Path.Combine(media.Folder, "empty.png");
        File.WriteAllBytes(empty, []);

        var gifError = Assert.Throws<RunwayCreateException>(() => MediaInput.FromFile(gif, "PromptImage"));
        var textError = Assert.Throws<RunwayCreateException>(() => MediaInput.FromFile(text, "PromptImage"));
        var emptyError = Assert.Throws<RunwayCreateException>(() => MediaInput.FromFile(empty, "PromptImage"));
        var missing = Assert.Throws<RunwayCreateException>(() => MediaInput.FromFile(Path.Combine(media.Folder, "gone.png"), "PromptImage"));
        var folder = Assert.Throws<RunwayCreateException>(() => MediaInput.FromFile(media.Folder, "PromptImage"));

        Assert.Contains("PNG, JPEG or WebP images and MP4, MOV or WebM videos", gifError.Message);
        Assert.Contains("judging by its content", textError.Message);
        Assert.Contains("is empty", emptyError.Message);
        Assert.Contains("cannot read the file", missing.Message);
        Assert.Contains("cannot read the file", folder.Message);
        Assert.All([gifError, textError, emptyError, missing, folder], e => Assert.Equal("PromptImage", e.ParameterName));
    }

    [Fact]
    public void FilesAreMeasuredAgainstTheLimitAsTheirDataUriWouldBeAndRefusedUnread()
    {
        // 3,749,968 raw bytes make 4,999,960 base64 characters: with the 22-character prefix, just under 5,000,000.
        var fits = media.File("fits.png", TempMedia.PngSignature, 3_749_968);
        var tooBig = media.File("big.png", TempMedia.PngSignature, 3_749_968 + 30);
        var bigVideo = media.File("big.mp4", TempMedia.Mp4Signature, 12_500_000);

        Assert.Equal(4_999_982, MediaInput.FromFile(fits).DataUriLength);
        var error = Assert.Throws<RunwayCreateException>(() => MediaInput.FromFile(tooBig, "PromptImage"));
        var videoError = Assert.Throws<RunwayCreateException>(() => MediaInput.FromFile(bigVideo, "VideoUri"));

        Assert.Contains("over Runway's 5.0 MB limit for images", error.Message);
        Assert.Contains("Host it at an HTTPS URL", error.Message);
        Assert.Contains("16.0 MB limit for videos", videoError.Message);
    }

    [Fact]
    public void AFileThatChangesAfterTheCheckIsNotSent()
    {
        var path = media.File("cat.png", TempMedia.PngSignature, 100);
        var input = MediaInput.FromFile(path);
        File.WriteAllBytes(path, new byte[200]);

        var error = Assert.Throws<RunwayCreateException>(() => input.WireValue("PromptImage"));

        Assert.Contains("changed size", error.Message);
    }
}
