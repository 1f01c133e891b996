using System.Text;

namespace CriuBench.Hosts.Lab.Rescue;

/// <summary>
/// README.md in a rescue: what it holds, whether each workload can be restored from it (or what it
/// lacks), and the exact commands that bring it back, with CriuBench and without.
/// </summary>
public static class RescueReadme
{
    public static string Write(LabRescue rescue, string labName)
    {
        File.WriteAllText(rescue.Readme, Text(rescue, labName));
        return rescue.Readme;
    }

    public static string Text(LabRescue rescue, string labName)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Rescued from lab {labName}: {rescue.Name}");
        text.AppendLine();
        text.AppendLine($"The disks of the lab's hosts ({string.Join(", ", rescue.Hosts)}) as they were when the lab went down, kept because they held");
        text.AppendLine("CRIU images: the only state left of a workload whose migration was interrupted (Ctrl-C, SIGTERM, a");
        text.AppendLine($"killed run) or lost. Each `{rescue.Directory}/HOST/X` is what that host had at `{HostPaths.Disk}/X`.");
        text.AppendLine();
        foreach (var workload in rescue.Workloads)
        {
            text.AppendLine($"## {workload.Instance} (migration {workload.MigrationId})");
            text.AppendLine();
            foreach (var images in workload.Checkpoints)
                text.AppendLine($"- {(images.PodmanArchive is null ? "images" : "a Podman checkpoint archive")} on {images.Host} ({images.HostPath}): `{images.Path}`, "
                    + (images.Complete ? "complete" : images.PodmanArchive is null ? "incomplete (criu dump did not finish)" : "incomplete (podman container checkpoint did not finish)")
                    + (images.RestoreFailed ? ", a restore from them already failed" : ""));
            text.AppendLine($"- its files (work/{workload.Instance}): {(workload.WorkDirectory is { } work ? $"`{work}`" : "missing")}");
            text.AppendLine();
            if (workload.Lacks is { } lacks)
            {
                text.AppendLine($"It cannot be restored: {lacks}.");
                text.AppendLine();
                continue;
            }
            text.AppendLine("Bring it back into a lab host (the lab is brought up if it is not):");
            text.AppendLine();
            text.AppendLine($"    criubench rescue restore {rescue.Directory}");
            text.AppendLine();
            text.AppendLine("or by hand, as root on this machine (CRIU the same version as the run's; the restore needs the workload's");
            text.AppendLine($"files and programs at their paths below {HostPaths.Disk}, hence the mount namespace):");
            text.AppendLine();
            foreach (var line in RescueCommands.ByHand(rescue, workload)) text.AppendLine($"    {line}");
            text.AppendLine();
        }
        text.AppendLine($"Remove it with `criubench rescue remove {rescue.Name}` once it is of no use.");
        return text.ToString();
    }
}
