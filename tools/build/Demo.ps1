# The walk a new user takes: connect, pick a linked account, list employees. Run by build.ps1 Demo.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $BaseUri
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest

Write-Host "`n> Connect-Merge -ApiKey test-api-key -BaseUri $BaseUri" -ForegroundColor Cyan
Connect-Merge -ApiKey 'test-api-key' -BaseUri $BaseUri

Write-Host '> Set-MergeAccount -AccountToken hris-token-1' -ForegroundColor Cyan
Set-MergeAccount -AccountToken 'hris-token-1'
Get-MergeContext | Format-List Region, BaseUri, ApiKey, Account, AccountToken

Write-Host '> Get-MergeEmployee | Select-Object -First 10 | Format-Table' -ForegroundColor Cyan
Get-MergeEmployee | Select-Object -First 10 | Format-Table -Property DisplayFullName, WorkEmail, EmploymentStatus, StartDate

Write-Host '> Get-MergeEmployee -EmploymentStatus INACTIVE -Expand manager -First 5' -ForegroundColor Cyan
Get-MergeEmployee -EmploymentStatus INACTIVE -Expand manager -First 5 |
    Format-Table -Property DisplayFullName, TerminationDate, @{ Name = 'Manager'; Expression = { $_.Manager.DisplayFullName } }

Write-Host '> Get-MergeEmployee -First 3 | Get-MergeEmployment (piping related records)' -ForegroundColor Cyan
Get-MergeEmployee -First 3 | Get-MergeEmployment | Format-Table -Property Employee, JobTitle, EmploymentType, PayRate, EffectiveDate

Write-Host '> Get-MergeTimeOff -Status APPROVED -First 5' -ForegroundColor Cyan
Get-MergeTimeOff -Status APPROVED -First 5 | Format-Table -Property RequestType, Status, StartTime, EndTime, Amount

Disconnect-Merge
