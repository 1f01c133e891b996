using CriuBench.Migration;

namespace CriuBench.Tests.Migration;

[Trait("Category", "Unit")]
public class ModeHostPreparationTests
{
    [Fact]
    public void Post_copy_and_hybrid_name_the_same_host_preparation_so_a_run_with_both_raises_the_limit_once()
    {
        var postCopy = MigrationModes.Create(MigrationModes.PostCopy).HostPreparation;
        Assert.NotNull(postCopy);
        Assert.Equal(postCopy, MigrationModes.Create(MigrationModes.Hybrid).HostPreparation);
        Assert.Null(MigrationModes.Create(MigrationModes.Cold).HostPreparation);
    }
}
