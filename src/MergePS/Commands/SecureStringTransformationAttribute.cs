using System;
using System.Management.Automation;
using System.Security;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>
/// Lets secret parameters take a SecureString, a PSCredential (its password), or a plain string,
/// which is converted at once so only the SecureString is kept.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            null => null,
            SecureString secure => secure,
            PSCredential credential => credential.Password,
            string plain => Secret.FromString(plain),
            _ => throw new ArgumentTransformationMetadataException(
                "Expected a SecureString, a PSCredential or a string."),
        };
    }
}
