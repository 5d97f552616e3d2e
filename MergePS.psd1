@{
    RootModule           = 'MergePS.dll'
    # Stamped from Directory.Build.props (MergePSVersion) by build.ps1.
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    GUID                 = '6f0c7a55-2d8e-4a51-9d0b-3c1f7e4d2a90'
    Author               = 'MergePS contributors'
    CompanyName          = 'MergePS'
    Copyright            = '(c) MergePS contributors. MIT License.'
    Description          = 'PowerShell cmdlets for the Merge.dev unified API: HRIS, ATS, Accounting, Ticketing, CRM, File Storage, Knowledge Base, Chat, Calendar and Email. Streams typed objects, keeps secrets in SecureStrings, retries throttled calls.'

    FormatsToProcess     = @()
    TypesToProcess       = @()

    # Explicit, so that module auto-loading never needs to import the assembly to find commands.
    # Rewritten by `build.ps1 Manifest`; a test fails when it drifts from the assembly.
    CmdletsToExport      = @(
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Merge', 'MergeDev', 'UnifiedAPI', 'HRIS', 'ATS', 'Accounting', 'Ticketing', 'CRM', 'FileStorage', 'REST', 'API', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/mergeps/MergePS'
            LicenseUri   = 'https://github.com/mergeps/MergePS/blob/main/LICENSE'
            ReleaseNotes = 'First release: session and account cmdlets, typed Get cmdlets generated from the Merge API catalogue, streaming cursor paging, retries with Retry-After.'
        }
    }
}
