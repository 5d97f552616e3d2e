# Every exported cmdlet has real help, and the about topics exist. A cmdlet added without help
# fails here: write docs/help/<Verb-Noun>.md (or extend the templates in tools/build/HelpBuilder.ps1).

BeforeDiscovery {
    Import-Module $env:MERGEPS_TEST_MODULE -Force
    $cmdlets = @((Get-Module MergePS).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
    $topics = 'about_MergePS', 'about_MergePS_Authentication', 'about_MergePS_Paging', 'about_MergePS_Errors', 'about_MergePS_Automation' |
        ForEach-Object { @{ Topic = $_ } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name -Module MergePS
        $help = Get-Help $Name -Full
    }

    It 'has a synopsis of its own' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without MAML, PowerShell shows the syntax as the synopsis.
        $help.Synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($Name) + '(\s|$)')
        $help.Synopsis | Should -Not -Match '\[-'
    }

    It 'has a description' {
        (@($help.description.Text) -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $described = @{}
        foreach ($parameter in @($help.parameters.parameter | Where-Object { $_ })) { $described[$parameter.name] = (@($parameter.description.Text) -join '').Trim() }
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $script:Common }) {
            $described[$parameter] | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'has at least one example' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            $example.code | Should -Match ([regex]::Escape($Name))
        }
    }

    It 'names its output type' {
        $names = @($help.returnValues.returnValue.type.name)
        $names | Should -Not -BeNullOrEmpty
        foreach ($declared in $command.OutputType.Type | Where-Object { $_ -and $_ -ne [void] }) {
            $names | Should -Contain $declared.FullName
        }
    }

    It 'links to the online version' {
        $uris = @($help.relatedLinks.navigationLink.uri | Where-Object { $_ })
        $uris | Should -Contain "https://github.com/mergeps/MergePS/blob/main/docs/cmdlets/$Name.md"
    }
}

Describe 'About topic <Topic>' -ForEach $topics {
    It 'is installed with the module and has content' {
        $file = Join-Path (Split-Path $env:MERGEPS_TEST_MODULE) "en-US/$Topic.help.txt"
        $file | Should -Exist
        $text = Get-Help $Topic | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text.Length | Should -BeGreaterThan 1000
    }
}

Describe 'about_MergePS_Errors' {
    It 'documents every error id with a cause and a fix' {
        $text = Get-Content -Raw (Join-Path (Split-Path $env:MERGEPS_TEST_MODULE) 'en-US/about_MergePS_Errors.help.txt')
        $ids = [MergePS.Client.MergeErrorIds].GetFields() | Where-Object IsLiteral | ForEach-Object { $_.GetValue($null) }
        $ids.Count | Should -BeGreaterThan 10
        foreach ($id in $ids) {
            $text | Should -Match "(?m)^\s+$([regex]::Escape($id))\s*\r?\n\s+Cause:" -Because "$id must be listed with its cause"
        }
    }
}
