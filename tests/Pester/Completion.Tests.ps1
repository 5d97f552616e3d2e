# Tab completion through TabExpansion2, as the console uses it.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

Describe 'Argument completers' {
    It 'completes enum filter values' {
        Complete 'Get-MergeEmployee -EmploymentStatus ' | Should -Be @('ACTIVE', 'INACTIVE', 'PENDING')
        Complete 'Get-MergeEmployee -EmploymentStatus in' | Should -Be @('INACTIVE')
    }

    It 'completes enum field values of write cmdlets' {
        Complete 'Update-MergeTicket -Priority ' | Should -Contain 'URGENT'
    }

    It 'completes -Expand with the relations of the resource' {
        $values = Complete 'Get-MergeEmployee -Expand '
        $values | Should -Contain 'manager'
        $values | Should -Contain 'team'
        Complete 'Get-MergeEmployment -Expand ' | Should -Contain 'employee'
        Complete 'Get-MergeEmployment -Expand ' | Should -Not -Contain 'manager'
    }

    It 'completes -Region' {
        Complete 'Connect-Merge -Region ' | Should -Be @('US', 'EU', 'APAC', 'Sandbox')
        Complete 'Connect-Merge -Region e' | Should -Be @('EU')
    }

    It 'completes account names from the session' {
        Connect-Merge -ApiKey $script:ApiKey -BaseUri $script:ApiBase
        Set-MergeAccount -Name acme -AccountToken 'hris-token-1'
        Set-MergeAccount -Name globex -AccountToken 'hris-token-1' -NoSelect
        Complete 'Get-MergeEmployee -Account ' | Should -Be @('acme', 'globex')
        Complete 'Set-MergeAccount -Name g' | Should -Be @('globex')
        Disconnect-Merge
        Complete 'Get-MergeEmployee -Account ' | Should -BeNullOrEmpty
    }

    It 'completes resource names' {
        Complete 'Get-MergeWriteSchema -Resource Cand' | Should -Contain 'Candidate'
        Complete 'Start-MergeBulkCreate -Resource ' | Should -Contain 'Invoice'
        Complete 'Start-MergeBulkCreate -Resource ' | Should -Not -Contain 'Employee'
    }
}
