BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'Catalog.ps1')
    Reset-Emulator
    Connect-TestSession 'email-token-1'
    Set-MergeAccount -Name email -AccountToken 'email-token-1' -NoSelect
    $messages = @(Get-DirectAll email '/email/v1/messages')
}

AfterAll { Disconnect-Merge }

. (Join-Path $PSScriptRoot 'CategoryReads.ps1') -Category email

Describe 'Email filters and pipelines' {
    It 'lists the messages of one mailbox with -MailboxId and of a piped mailbox' {
        $mailbox = ($messages.mailboxes | Group-Object | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeEmailMessage -MailboxId $mailbox)
        $found.Count | Should -BeGreaterThan 0
        ($found.Id | Sort-Object) | Should -Be (@($messages | Where-Object { $_.mailboxes -contains $mailbox }).id | Sort-Object)
        $piped = @(Get-MergeMailbox -Id $mailbox | Get-MergeEmailMessage)
        ($piped.Id | Sort-Object) | Should -Be ($found.Id | Sort-Object)
    }

    It 'lists the messages sent to one address with -ToAddressId' {
        $address = ($messages.to | Group-Object | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeEmailMessage -ToAddressId $address)
        ($found.Id | Sort-Object) | Should -Be (@($messages | Where-Object { $_.to -contains $address }).id | Sort-Object)
    }

    It 'lists one thread with -ThreadId' {
        $thread = ($messages | Where-Object thread | Group-Object thread | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeEmailMessage -ThreadId $thread)
        ($found.Id | Sort-Object) | Should -Be (@($messages | Where-Object thread -eq $thread).id | Sort-Object)
    }

    It 'expands the sender and recipients into typed email addresses' {
        $message = Get-MergeEmailMessage -Id ($messages | Where-Object { $_.from_address -and $_.to } | Select-Object -First 1).id -Expand from_address, to
        $message.FromAddress.PSObject.TypeNames[0] | Should -Be 'MergePS.Email.EmailAddress'
        $message.To[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Email.EmailAddress'
    }
}
