using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CriuBench.Tests.Architecture;

/// <summary>
/// Which namespaces each namespace of a compiled assembly uses, read from its metadata: base types,
/// interfaces, generic constraints, attributes, the signatures of fields, methods, properties and
/// events, and every type, member and signature token in the method bodies (IL), locals and catch
/// clauses. Compiler-made types (lambdas' closures, iterators, async state machines) are nested in
/// the type whose code they hold, so they count as that type's namespace.
/// </summary>
/// <remarks>
/// What the compiler inlines leaves no trace: constants (a <c>const string</c>, an enum member's
/// value) and <c>nameof</c>. A cycle through a constant alone is invisible here.
/// </remarks>
public sealed class NamespaceReferences
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(opcode => opcode.Value, opcode => opcode.OperandType);

    private readonly MetadataReader _metadata;
    private readonly PEReader _pe;
    private readonly NamespaceSignatures _signatures;

    private NamespaceReferences(PEReader pe)
    {
        _pe = pe;
        _metadata = pe.GetMetadataReader();
        _signatures = new NamespaceSignatures(this);
    }

    /// <summary>Edges "from uses to" between the namespaces that <paramref name="include"/> accepts, one for each type of "from" that uses "to".</summary>
    public static IReadOnlyList<NamespaceEdge> Read(string assemblyPath, Func<string, bool> include)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = new NamespaceReferences(pe);
        var edges = new HashSet<NamespaceEdge>();
        foreach (var handle in reader._metadata.TypeDefinitions)
        {
            var from = reader.NamespaceOf(handle);
            if (!include(from)) continue;
            var type = reader._metadata.GetTypeDefinition(handle);
            foreach (var to in reader.ReferencesOf(type).Where(include).Where(to => to != from))
                edges.Add(new NamespaceEdge(from, to, reader.OutermostName(handle)));
        }
        return [.. edges];
    }

    private IEnumerable<string> ReferencesOf(TypeDefinition type)
    {
        var found = new HashSet<string>();
        if (!type.BaseType.IsNil) found.UnionWith(Of(type.BaseType));
        foreach (var implementation in type.GetInterfaceImplementations())
            found.UnionWith(Of(_metadata.GetInterfaceImplementation(implementation).Interface));
        found.UnionWith(OfGenericParameters(type.GetGenericParameters()));
        found.UnionWith(OfAttributes(type.GetCustomAttributes()));
        foreach (var handle in type.GetFields())
        {
            var field = _metadata.GetFieldDefinition(handle);
            found.UnionWith(field.DecodeSignature(_signatures, null));
            found.UnionWith(OfAttributes(field.GetCustomAttributes()));
        }
        foreach (var handle in type.GetProperties())
        {
            var property = _metadata.GetPropertyDefinition(handle);
            found.UnionWith(OfMethodSignature(property.DecodeSignature(_signatures, null)));
            found.UnionWith(OfAttributes(property.GetCustomAttributes()));
        }
        foreach (var handle in type.GetEvents())
            found.UnionWith(Of(_metadata.GetEventDefinition(handle).Type));
        foreach (var handle in type.GetMethods())
            found.UnionWith(OfMethod(_metadata.GetMethodDefinition(handle)));
        return found;
    }

    private IEnumerable<string> OfMethod(MethodDefinition method)
    {
        var found = new HashSet<string>(OfMethodSignature(method.DecodeSignature(_signatures, null)));
        found.UnionWith(OfGenericParameters(method.GetGenericParameters()));
        found.UnionWith(OfAttributes(method.GetCustomAttributes()));
        foreach (var parameter in method.GetParameters())
            found.UnionWith(OfAttributes(_metadata.GetParameter(parameter).GetCustomAttributes()));
        if (method.RelativeVirtualAddress == 0) return found;
        var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
            foreach (var local in _metadata.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_signatures, null))
                found.UnionWith(local);
        foreach (var region in body.ExceptionRegions)
            if (!region.CatchType.IsNil) found.UnionWith(Of(region.CatchType));
        found.UnionWith(OfInstructions(body.GetILReader()));
        return found;
    }

    /// <summary>The namespaces of every token an instruction carries: types, methods, fields, signatures.</summary>
    private IEnumerable<string> OfInstructions(BlobReader il)
    {
        var found = new HashSet<string>();
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE) value = (short)(0xFE00 | il.ReadByte());
            switch (Operands[value])
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: il.Offset += 1; break;
                case OperandType.InlineVar: il.Offset += 2; break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.ShortInlineR or OperandType.InlineString: il.Offset += 4; break;
                case OperandType.InlineI8 or OperandType.InlineR: il.Offset += 8; break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineSig:
                    var signature = _metadata.GetStandaloneSignature((StandaloneSignatureHandle)MetadataTokens.EntityHandle(il.ReadInt32()));
                    found.UnionWith(OfMethodSignature(signature.DecodeMethodSignature(_signatures, null)));
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    found.UnionWith(Of(MetadataTokens.EntityHandle(il.ReadInt32())));
                    break;
                default: throw new BadImageFormatException($"IL operand {Operands[value]} is not decoded");
            }
        }
        return found;
    }

    /// <summary>The namespaces a type, member or signature token names: its type, and the types in its signature.</summary>
    internal IEnumerable<string> Of(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition: return [NamespaceOf((TypeDefinitionHandle)handle)];
            case HandleKind.TypeReference: return [NamespaceOf((TypeReferenceHandle)handle)];
            case HandleKind.TypeSpecification:
                return _metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_signatures, null);
            case HandleKind.FieldDefinition:
                var field = _metadata.GetFieldDefinition((FieldDefinitionHandle)handle);
                return [NamespaceOf(field.GetDeclaringType()), .. field.DecodeSignature(_signatures, null)];
            case HandleKind.MethodDefinition:
                var method = _metadata.GetMethodDefinition((MethodDefinitionHandle)handle);
                return [NamespaceOf(method.GetDeclaringType()), .. OfMethodSignature(method.DecodeSignature(_signatures, null))];
            case HandleKind.MethodSpecification:
                var specification = _metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
                return [.. Of(specification.Method), .. specification.DecodeSignature(_signatures, null).SelectMany(argument => argument)];
            case HandleKind.MemberReference:
                var member = _metadata.GetMemberReference((MemberReferenceHandle)handle);
                IEnumerable<string> parent = member.Parent.Kind is HandleKind.ModuleReference ? [] : Of(member.Parent);
                return member.GetKind() is MemberReferenceKind.Field
                    ? [.. parent, .. member.DecodeFieldSignature(_signatures, null)]
                    : [.. parent, .. OfMethodSignature(member.DecodeMethodSignature(_signatures, null))];
            default: return [];
        }
    }

    internal string NamespaceOf(TypeDefinitionHandle handle)
    {
        var type = _metadata.GetTypeDefinition(handle);
        while (type.IsNested) type = _metadata.GetTypeDefinition(type.GetDeclaringType());
        return _metadata.GetString(type.Namespace);
    }

    internal string NamespaceOf(TypeReferenceHandle handle)
    {
        var type = _metadata.GetTypeReference(handle);
        while (type.ResolutionScope.Kind is HandleKind.TypeReference)
            type = _metadata.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
        return _metadata.GetString(type.Namespace);
    }

    private string OutermostName(TypeDefinitionHandle handle)
    {
        var type = _metadata.GetTypeDefinition(handle);
        while (type.IsNested) type = _metadata.GetTypeDefinition(type.GetDeclaringType());
        return $"{_metadata.GetString(type.Namespace)}.{_metadata.GetString(type.Name)}";
    }

    private IEnumerable<string> OfAttributes(CustomAttributeHandleCollection attributes) =>
        attributes.SelectMany(handle => Of(_metadata.GetCustomAttribute(handle).Constructor));

    private IEnumerable<string> OfGenericParameters(GenericParameterHandleCollection parameters) =>
        parameters.SelectMany(handle => _metadata.GetGenericParameter(handle).GetConstraints())
            .SelectMany(handle => Of(_metadata.GetGenericParameterConstraint(handle).Type));

    private static IEnumerable<string> OfMethodSignature(MethodSignature<ImmutableArray<string>> signature) =>
        signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(parameter => parameter));
}

/// <summary><paramref name="From"/> uses <paramref name="To"/> in <paramref name="Type"/>, a top-level type of <paramref name="From"/>.</summary>
public sealed record NamespaceEdge(string From, string To, string Type);
