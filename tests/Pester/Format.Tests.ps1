# Default views: compact tables, list views for every model, and personal data masked in both
# while the objects keep the real values.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    function Get-TableColumns([string] $TypeName) {
        $view = Get-FormatData -TypeName $TypeName -PowerShellVersion $PSVersionTable.PSVersion |
            ForEach-Object FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] } | Select-Object -First 1
        $view.Control.Headers.Label
    }

    function Show([object] $InputObject, [string] $As) {
        if ($As -eq 'Table') { $InputObject | Format-Table | Out-String -Width 300 } else { $InputObject | Format-List | Out-String -Width 300 }
    }
}

Describe 'Views for every model' {
    It 'gives each model a cmdlet outputs a table view and a list view' {
        $models = (Get-Command -Module MergePS).OutputType.Type | Where-Object { $_ -and $_.IsSubclassOf([MergePS.Models.MergeModel]) } | Sort-Object FullName -Unique
        $models.Count | Should -BeGreaterThan 100
        $controls = @{}
        foreach ($definition in Get-FormatData -TypeName 'MergePS.*' -PowerShellVersion $PSVersionTable.PSVersion) {
            foreach ($view in $definition.FormatViewDefinition) { $controls["$($definition.TypeNames[0])|$($view.Control.GetType().Name)"] = $true }
        }
        $missing = foreach ($model in $models) {
            if (-not $controls["$($model.FullName)|TableControl"] -or -not $controls["$($model.FullName)|ListControl"]) { $model.FullName }
        }
        $missing | Should -BeNullOrEmpty
    }

    It 'shows <Type> as <Columns>' -ForEach @(
        @{ Type = 'MergePS.Hris.Employee'; Columns = 'Id', 'DisplayName', 'WorkEmail', 'EmploymentStatus', 'Manager', 'HireDate' }
        @{ Type = 'MergePS.Hris.Employment'; Columns = 'Id', 'JobTitle', 'FlsaStatus', 'Employee', 'PayRate', 'EffectiveDate' }
        @{ Type = 'MergePS.Hris.BankInfo'; Columns = 'Id', 'BankName', 'AccountType', 'Employee', 'AccountNumber', 'RoutingNumber' }
        @{ Type = 'MergePS.Ats.Candidate'; Columns = 'Id', 'DisplayName', 'EmailAddresses', 'LastInteractionAt', 'Company', 'Title' }
        @{ Type = 'MergePS.Accounting.Invoice'; Columns = 'Id', 'Number', 'Status', 'Contact', 'TotalAmount', 'IssueDate' }
        @{ Type = 'MergePS.Ticketing.Ticket'; Columns = 'Id', 'Name', 'Status', 'AccessLevel', 'Contact', 'DueDate' }
    ) {
        Get-TableColumns $Type | Should -Be $Columns
    }

    It 'never puts remote data or field mappings in a table' {
        $labels = Get-FormatData -TypeName 'MergePS.*' -PowerShellVersion $PSVersionTable.PSVersion | ForEach-Object FormatViewDefinition |
            Where-Object { $_.Control -is [System.Management.Automation.TableControl] } | ForEach-Object { $_.Control.Headers.Label }
        $labels.Count | Should -BeGreaterThan 500
        $labels | Should -Not -Contain 'RemoteData'
        $labels | Should -Not -Contain 'FieldMappings'
        $labels | Should -Not -Contain 'Ssn'
    }
}

Describe 'Personal data in views' {
    BeforeAll {
        $employee = [MergePS.Hris.Employee]@{
            Id = '11111111-2222-3333-4444-555555555555'; FirstName = 'Ada'; LastName = 'Lovelace'
            Ssn = '123-45-6789'; DateOfBirth = [DateTimeOffset]'1815-12-10T00:00:00Z'; EmploymentStatus = 'ACTIVE'
        }
        $bank = [MergePS.Hris.BankInfo]@{ Id = 'b1'; BankName = 'Example Bank'; AccountNumber = '000987654321'; RoutingNumber = '021000021'; AccountType = 'CHECKING' }
        $employment = [MergePS.Hris.Employment]@{ Id = 'e1'; JobTitle = 'Engineer'; PayRate = 123456.78 }
        $payslip = [MergePS.Hris.EmployeePayrollRun]@{ Id = 'p1'; GrossPay = 8765.43; NetPay = 5432.10 }
    }

    It 'masks the social security number and date of birth in the list view' {
        $text = Show $employee List
        $text | Should -Match 'Ssn\s+: \*\*\*-\*\*-6789'
        $text | Should -Match 'DateOfBirth\s+: \*\*\*\*'
        $text | Should -Not -Match '123-45-6789'
        $text | Should -Not -Match '1815'
    }

    It 'keeps the real values on the object' {
        $employee.Ssn | Should -Be '123-45-6789'
        $employee.DateOfBirth.Year | Should -Be 1815
        ($employee | Select-Object -ExpandProperty Ssn) | Should -Be '123-45-6789'
    }

    It 'shows a DisplayName made from the names' {
        $employee.DisplayName | Should -Be 'Ada Lovelace'
        Show $employee Table | Should -Match 'Ada Lovelace'
    }

    It 'masks bank account and routing numbers in <As> view' -ForEach @(@{ As = 'Table' }, @{ As = 'List' }) {
        $text = Show $bank $As
        $text | Should -Match '\*\*\*\*4321'
        $text | Should -Not -Match '000987654321'
        $text | Should -Not -Match '021000021'
        $bank.AccountNumber | Should -Be '000987654321'
    }

    It 'masks pay in <As> view' -ForEach @(@{ As = 'Table' }, @{ As = 'List' }) {
        $text = (Show $employment $As) + (Show $payslip $As)
        $text | Should -Not -Match '123456'
        $text | Should -Not -Match '8765'
        $text | Should -Not -Match '5432'
        $employment.PayRate | Should -Be 123456.78
    }

    It 'masks what the emulator returns with -IncludeSensitiveFields' {
        Connect-TestSession
        $employees = @(Get-MergeEmployee -First 5 -IncludeSensitiveFields | Where-Object Ssn)
        $employees.Count | Should -BeGreaterThan 0
        $text = Show $employees List
        foreach ($e in $employees) {
            $text | Should -Not -Match ([regex]::Escape($e.Ssn))
            $text | Should -Match ([regex]::Escape('***-**-' + ($e.Ssn -replace '\D', '').Substring(($e.Ssn -replace '\D', '').Length - 4)))
        }
        Show $employees Table | Should -Match 'EmploymentStatus'
    }
}
