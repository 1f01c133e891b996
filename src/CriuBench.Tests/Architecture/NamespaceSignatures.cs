using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace CriuBench.Tests.Architecture;

/// <summary>Decodes a signature into the namespaces of every type it names, generic arguments and modifiers included.</summary>
internal sealed class NamespaceSignatures(NamespaceReferences references) : ISignatureTypeProvider<ImmutableArray<string>, object?>
{
    public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];

    public ImmutableArray<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        [references.NamespaceOf(handle)];

    public ImmutableArray<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        [references.NamespaceOf(handle)];

    public ImmutableArray<string> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        [.. references.Of(handle)];

    public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> elementType) => elementType;

    public ImmutableArray<string> GetArrayType(ImmutableArray<string> elementType, ArrayShape shape) => elementType;

    public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> elementType) => elementType;

    public ImmutableArray<string> GetPointerType(ImmutableArray<string> elementType) => elementType;

    public ImmutableArray<string> GetPinnedType(ImmutableArray<string> elementType) => elementType;

    public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> genericType, ImmutableArray<ImmutableArray<string>> typeArguments) =>
        [.. genericType, .. typeArguments.SelectMany(argument => argument)];

    public ImmutableArray<string> GetGenericMethodParameter(object? genericContext, int index) => [];

    public ImmutableArray<string> GetGenericTypeParameter(object? genericContext, int index) => [];

    public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier, ImmutableArray<string> unmodifiedType, bool isRequired) =>
        [.. modifier, .. unmodifiedType];

    public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) =>
        [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(parameter => parameter)];
}
