using System.Buffers.Binary;

namespace CriuBench.Preflight;

/// <summary>
/// The GNU build-id of an ELF file (what `readelf -n` shows as "Build ID"), read from its note
/// segments, so no binutils are needed on the hosts. CRIU compares a mapped file's size and
/// build-id on restore; two files with the same build-id were built from the same inputs.
/// </summary>
public static class ElfBuildId
{
    private const uint PtNote = 4;
    private const uint NtGnuBuildId = 3;

    /// <summary>The build-id as lowercase hex, or null for a file that is not 64-bit little-endian ELF, has none, or whose notes lie beyond <paramref name="head"/>.</summary>
    public static string? Read(ReadOnlySpan<byte> head)
    {
        if (head.Length < 64 || !head[..4].SequenceEqual("\x7f"u8.ToArray().Concat("ELF"u8.ToArray()).ToArray()) || head[4] != 2 || head[5] != 1)
            return null;
        var programHeaders = (long)BinaryPrimitives.ReadUInt64LittleEndian(head[0x20..]);
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(head[0x36..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(head[0x38..]);
        for (var i = 0; i < count; i++)
        {
            var at = programHeaders + (long)i * entrySize;
            if (at + 56 > head.Length) return null;
            var header = head[(int)at..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != PtNote) continue;
            var offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
            var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]);
            if (offset + size > head.Length) continue;
            if (FindInNotes(head.Slice((int)offset, (int)size)) is { } id) return id;
        }
        return null;
    }

    private static string? FindInNotes(ReadOnlySpan<byte> notes)
    {
        var at = 0;
        while (at + 12 <= notes.Length)
        {
            var nameSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(notes[at..]);
            var descriptionSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(notes[(at + 4)..]);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(notes[(at + 8)..]);
            var name = at + 12;
            var description = name + Align4(nameSize);
            if (nameSize < 0 || descriptionSize < 0 || description + descriptionSize > notes.Length) return null;
            if (type == NtGnuBuildId && notes.Slice(name, nameSize).SequenceEqual("GNU\0"u8))
                return Convert.ToHexStringLower(notes.Slice(description, descriptionSize));
            at = description + Align4(descriptionSize);
        }
        return null;
    }

    private static int Align4(int size) => (size + 3) & ~3;
}
