# Builds the module's help; dot-sourced by Common.ps1. Nothing here runs on load.
#
#   en-US/MergePS.dll-Help.xml   MAML for every exported cmdlet, from
#                                  - the built cmdlets themselves (syntax, types, pipeline input),
#                                  - docs/help/<Verb-Noun>.md, written by us (hand-written cmdlets,
#                                    and extra examples or wording for generated ones),
#                                  - templates over catalog/*.json (generated cmdlets),
#                                  - docs/help/_Common.md (parameters many cmdlets share).
#   en-US/about_*.help.txt       copied from docs/about/.
#
# The work happens in tools/build/HelpBuilder.ps1, in a fresh pwsh that imports the freshly built
# module, so the build process never loads (or locks) MergePS.dll.

function New-MergeHelp([string] $Root, [string] $ModuleDir, [string] $Configuration) {
    $builder = Join-Path $Root 'tools/build/HelpBuilder.ps1'
    $xmlDoc = Join-Path $Root "src/MergePS/bin/$Configuration/netstandard2.0/MergePS.xml"
    & dotnet pwsh -NoProfile -NonInteractive -File $builder -Root $Root -ModuleDir $ModuleDir -XmlDoc $xmlDoc | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Building the help failed (exit code $LASTEXITCODE)." }
}
