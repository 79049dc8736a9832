using CreatorOS.Modules.Assistant.Photos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CreatorOS.UnitTests.Assistant.Photos;

public sealed class PhotoStoreTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "creatoros-photos-" + Guid.NewGuid().ToString("N"));
    private readonly Guid _workspace = Guid.NewGuid();

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Saves_under_the_workspace_folder_and_serves_it_back()
    {
        var store = Store();
        var image = PhotoRules.Check(TestImages.Jpeg()).Image!;

        var saved = await store.SaveAsync(_workspace, image, CancellationToken.None);

        saved.Url.ShouldMatch($"^/media/photos/{_workspace:D}/[0-9a-f]{{32}}\\.jpg$");
        var file = store.Find(_workspace, saved.FileName);
        file.ShouldNotBeNull();
        file.ContentType.ShouldBe("image/jpeg");
        file.Path.ShouldStartWith(Path.Combine(_contentRoot, "data", "uploads", "photos", _workspace.ToString("D")));
        (await File.ReadAllBytesAsync(file.Path)).ShouldBe(image.Content);
        Directory.GetFiles(Path.GetDirectoryName(file.Path)!).Length.ShouldBe(1);
    }

    [Fact]
    public async Task Uses_the_configured_uploads_folder()
    {
        var store = Store("custom-uploads");

        var saved = await store.SaveAsync(_workspace, PhotoRules.Check(TestImages.Png()).Image!, CancellationToken.None);

        store.Find(_workspace, saved.FileName)!.Path.ShouldStartWith(Path.Combine(_contentRoot, "custom-uploads", "photos"));
        saved.FileName.ShouldEndWith(".png");
    }

    [Theory]
    [InlineData("../../secrets.jpg")]
    [InlineData("..%2F..%2Fsecrets.jpg")]
    [InlineData("0123456789abcdef0123456789abcdef.svg")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.jpg")]
    [InlineData("0123456789abcdef0123456789abcdef.jpg\n")]
    [InlineData("")]
    public void Only_names_the_store_makes_are_looked_up(string fileName) =>
        Store().Find(_workspace, fileName).ShouldBeNull();

    [Fact]
    public async Task Lists_and_deletes_only_the_given_workspace()
    {
        var store = Store();
        var other = Guid.NewGuid();
        var image = PhotoRules.Check(TestImages.WebP()).Image!;
        await store.SaveAsync(_workspace, image, CancellationToken.None);
        await store.SaveAsync(_workspace, image, CancellationToken.None);
        var kept = await store.SaveAsync(other, image, CancellationToken.None);

        (await store.ListAsync(_workspace)).Count.ShouldBe(2);

        (await store.DeleteAllAsync(_workspace)).ShouldBe(2);
        (await store.ListAsync(_workspace)).ShouldBeEmpty();
        (await store.DeleteAllAsync(_workspace)).ShouldBe(0);
        store.Find(other, kept.FileName).ShouldNotBeNull();
    }

    private PhotoStore Store(string? uploadsPath = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Assistant:UploadsPath"] = uploadsPath })
            .Build();
        return new PhotoStore(configuration, new Environment(_contentRoot), TimeProvider.System);
    }

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "CreatorOS.UnitTests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
