using CriuBench.Migration;
using CriuBench.Vocabulary;
using CriuBench.Migration.Modes;

namespace CriuBench.Tests.Migration;

[Trait("Category", "Unit")]
public class ModeHostPreparationTests
{
    [Fact]
    public void Post_copy_and_hybrid_name_the_same_host_preparation_so_a_run_with_both_raises_the_limit_once()
    {
        var postCopy = MigrationModes.Create(ModeNames.PostCopy).HostPreparation;
        Assert.NotNull(postCopy);
        Assert.Equal(postCopy, MigrationModes.Create(ModeNames.Hybrid).HostPreparation);
        Assert.Null(MigrationModes.Create(ModeNames.Cold).HostPreparation);
    }
}
