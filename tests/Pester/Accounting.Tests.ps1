BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'Catalog.ps1')
    Reset-Emulator
    Connect-TestSession 'accounting-token-1'
    Set-MergeAccount -Name accounting -AccountToken 'accounting-token-1' -NoSelect
}

AfterAll { Disconnect-Merge }

. (Join-Path $PSScriptRoot 'CategoryReads.ps1') -Category accounting

Describe 'Accounting filters' {
    BeforeAll { $invoices = @(Get-DirectAll accounting '/accounting/v1/invoices') }

    It 'lists the invoices of one contact with -ContactId' {
        $contact = ($invoices | Where-Object contact | Group-Object contact | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeInvoice -ContactId $contact)
        $found.Count | Should -BeGreaterThan 0
        ($found.Id | Sort-Object) | Should -Be (@($invoices | Where-Object contact -eq $contact).id | Sort-Object)
    }

    It 'filters invoices by -IssueDateAfter, sent as ISO 8601 UTC' {
        $dates = @($invoices.issue_date | Where-Object { $_ } | ForEach-Object { ([datetimeoffset]$_).UtcDateTime } | Sort-Object)
        $cut = $dates[[int]($dates.Count / 2)]
        Clear-EmulatorRequests
        $found = @(Get-MergeInvoice -IssueDateAfter $cut)
        Get-QueryValue (Get-EmulatorRequests)[0].query 'issue_date_after' | Should -Be $cut.ToString('yyyy-MM-ddTHH:mm:ss.fffffffZ')
        $expected = @($invoices | Where-Object { $_.issue_date -and ([datetimeoffset]$_.issue_date).UtcDateTime -gt $cut }).id
        $found.Count | Should -BeGreaterThan 0
        $found.Count | Should -BeLessThan $invoices.Count
        ($found.Id | Sort-Object) | Should -Be ($expected | Sort-Object)
    }

    It 'filters invoices by -Type' {
        $type = ($invoices | Group-Object type | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeInvoice -Type $type)
        ($found.Id | Sort-Object) | Should -Be (@($invoices | Where-Object type -eq $type).id | Sort-Object)
        $found.Type | Sort-Object -Unique | Should -Be $type
    }
}

Describe 'Accounting pipelines' {
    It 'lists the lines of piped expense reports' {
        $reports = @(Get-MergeExpenseReport -First 5)
        $lines = @($reports | Get-MergeExpenseReportLine)
        $expected = foreach ($r in $reports) { Get-DirectAll accounting "/accounting/v1/expense-reports/$($r.Id)/lines" }
        $lines.Count | Should -BeGreaterThan 0
        ($lines.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)
        $lines[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Accounting.ExpenseReportLine'
    }

    It 'lists the invoices of piped contacts' {
        $contacts = @(Get-MergeAccountingContact -First 5)
        $found = @($contacts | Get-MergeInvoice)
        $expected = foreach ($c in $contacts) { Get-DirectAll accounting "/accounting/v1/invoices?contact_id=$($c.Id)" }
        ($found.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)
    }
}

Describe 'Accounting writes' {
    It 'creates an invoice with typed parameters, visible on the next read' {
        $contact = (Get-DirectPage accounting '/accounting/v1/contacts' 1)[0].id
        $created = New-MergeInvoice -Type ACCOUNTS_RECEIVABLE -Number 'INV-PESTER-1' -Contact $contact -IssueDate ([datetime]'2025-04-01') -SubTotal 120.5 -Memo 'from Pester'
        $created.PSObject.TypeNames[0] | Should -Be 'MergePS.Accounting.Invoice'
        $created.Number | Should -Be 'INV-PESTER-1'
        $created.SubTotal | Should -Be 120.5
        $stored = Invoke-Direct accounting "/accounting/v1/invoices/$($created.Id)"
        $stored.contact | Should -Be $contact
        $stored.memo | Should -Be 'from Pester'
        (Get-MergeInvoice -Number 'INV-PESTER-1').Id | Should -Be $created.Id
    }

    It 'turns unknown -Model keys into an UNRECOGNIZED_FIELD warning' {
        $created = New-MergeInvoice -Number 'INV-PESTER-2' -Model @{ approval_chain = 'cfo' } -WarningVariable warnings -WarningAction SilentlyContinue
        $created.Number | Should -Be 'INV-PESTER-2'
        "$warnings" | Should -Match 'UNRECOGNIZED_FIELD: .*approval_chain.* \(/model/approval_chain\)'
    }

    It 'reports a rejected write (400 with Merge''s errors) as an error record naming the field' {
        $result = New-MergeBankFeedTransaction -Description 'no account' -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MergePS.BadRequest*'
        "$($failures[0])" | Should -Match 'bank_feed_account is a required field'
        # Each of Merge's errors is a record of its own, with the problem type and the field pointer.
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'MergePS.WriteProblem.MISSING_REQUIRED_FIELD*'
        $failures[1].TargetObject | Should -Match 'bank_feed_account'
        $failures[1].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'sends nothing with -WhatIf' {
        $invoice = (Get-DirectPage accounting '/accounting/v1/invoices' 1)[0].id
        Clear-EmulatorRequests
        New-MergeInvoice -Number 'never' -WhatIf | Should -BeNullOrEmpty
        Update-MergeInvoice -Id $invoice -Memo 'never' -WhatIf | Should -BeNullOrEmpty
        Start-MergeBulkCreate -Resource Invoice -Item @{ number = 'never' } -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }

    It 'updates an invoice, visible on the next read' {
        $invoice = (Get-DirectPage accounting '/accounting/v1/invoices' 2)[1]
        $updated = Update-MergeInvoice -Id $invoice.id -Memo 'paid by wire' -Confirm:$false
        $updated.Memo | Should -Be 'paid by wire'
        $updated.Number | Should -Be $invoice.number
        (Get-MergeInvoice -Id $invoice.id).Memo | Should -Be 'paid by wire'
    }

    It 'writes Merge''s debug log to Verbose with -IsDebugMode' {
        $verbose = New-MergeInvoice -Number 'INV-DEBUG' -IsDebugMode -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Merge log: [0-9a-f-]{36} https://app\.merge\.dev/logs/'
    }
}

Describe 'Accounting actions' {
    It 'applies a credit note to an invoice: a new applied line, less remaining credit, a lower invoice balance' {
        $note = @(Get-DirectAll accounting '/accounting/v1/credit-notes' | Where-Object { $_.remaining_credit -gt 50 })[0]
        $invoice = @(Get-DirectAll accounting '/accounting/v1/invoices' | Where-Object { $_.balance -gt 50 })[0]
        $applied = Add-MergeCreditNoteApplication -Id $note.id -Invoice $invoice.id -AppliedDate ([datetime]'2025-05-06') -AppliedAmount '25.00' -Confirm:$false
        $applied.PSObject.TypeNames[0] | Should -Be 'MergePS.Accounting.CreditNote'
        $applied.AppliedToLines.Count | Should -Be ($note.applied_to_lines.Count + 1)
        $applied.AppliedToLines[-1].Invoice | Should -Be $invoice.id
        $applied.AppliedToLines[-1].AppliedAmount | Should -Be '25.00'
        $applied.RemainingCredit | Should -Be ([decimal]$note.remaining_credit - 25)
        $after = Get-MergeInvoice -Id $invoice.id -Expand applied_credit_notes
        $after.Balance | Should -Be ([decimal]$invoice.balance - 25)
        $after.AppliedCreditNotes[-1].CreditNote | Should -Be $note.id
    }

    It 'applies a vendor credit to an invoice' {
        $credit = (Get-DirectPage accounting '/accounting/v1/vendor-credits' 1)[0]
        $invoice = (Get-DirectPage accounting '/accounting/v1/invoices' 3)[2].id
        $applied = Add-MergeVendorCreditApplication -Id $credit.id -Invoice $invoice -AppliedDate ([datetime]'2025-05-07') -AppliedAmount '10' -Confirm:$false
        $applied.AppliedToLines[-1].Invoice | Should -Be $invoice
        (Get-MergeVendorCredit -Id $credit.id).AppliedToLines.Count | Should -Be ($credit.applied_to_lines.Count + 1)
    }

    It 'reports a missing invoice as an error' {
        $note = (Get-DirectPage accounting '/accounting/v1/credit-notes' 1)[0].id
        Add-MergeCreditNoteApplication -Id $note -AppliedDate ([datetime]'2025-05-06') -AppliedAmount '1' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        "$($failures[0])" | Should -Match 'invoice'
    }
}

Describe 'Accounting write schemas and remote field classes' {
    It 'describes creating and updating an invoice' {
        $create = Get-MergeWriteSchema -Resource Invoice
        (@($create.RequestSchema['properties'].EnumerateObject().Name) | Sort-Object) | Should -Be (@((Get-CatalogModel accounting 'InvoiceRequest').fields.name) | Sort-Object)
        $create.PSObject.TypeNames[0] | Should -Be 'MergePS.Accounting.MetaResponse'
        $id = (Get-DirectPage accounting '/accounting/v1/invoices' 1)[0].id
        $update = Get-MergeWriteSchema -Resource Invoice -Id $id
        $update.RequestSchema['properties'].EnumerateObject().Name | Should -Contain 'number'
    }

    It 'lists the invoice''s own remote field classes and those of its line items separately' {
        $own = @(Get-MergeRemoteFieldClass -Resource Invoice)
        ($own.Id | Sort-Object) | Should -Be (@(Get-DirectAll accounting '/accounting/v1/invoices/remote-field-classes').id | Sort-Object)
        $lines = @(Get-MergeRemoteFieldClass -Resource InvoiceLineItem)
        ($lines.Id | Sort-Object) | Should -Be (@(Get-DirectAll accounting '/accounting/v1/invoices/line-items/remote-field-classes').id | Sort-Object)
        $own.Count | Should -BeGreaterThan 0
    }

    It 'filters remote field classes with -IsCustom' {
        $all = @(Get-DirectAll accounting '/accounting/v1/invoices/remote-field-classes')
        $custom = @(Get-MergeRemoteFieldClass -Resource Invoice -IsCustom $true)
        ($custom.Id | Sort-Object) | Should -Be (@($all | Where-Object is_custom).id | Sort-Object)
    }
}

Describe 'Accounting bulk create' {
    It 'sends piped records as one batch and follows it to SUCCESS with -Wait' {
        Clear-EmulatorRequests
        $batch = @{ number = 'BULK-1'; memo = 'bulk' }, @{ number = 'BULK-2'; memo = 'bulk' }, @{ number = 'BULK-3'; memo = 'bulk' } | Start-MergeBulkCreate -Resource Invoice
        $requests = Get-EmulatorRequests
        $requests.Count | Should -Be 1
        $requests[0].path | Should -Be '/api/accounting/v1/invoices/bulk'
        $requests[0].status | Should -Be 202
        (($requests[0].body | ConvertFrom-Json).batch_items.payload.number) | Should -Be @('BULK-1', 'BULK-2', 'BULK-3')
        $batch.BatchId | Should -Match '^[0-9a-f-]{36}$'

        Clear-EmulatorRequests
        $status = $batch | Get-MergeBulkCreateStatus -Resource Invoice -Wait -PollSeconds 1
        @(Get-EmulatorRequests).Count | Should -Be 2 -Because 'the first read says IN_PROGRESS, the second SUCCESS'
        $status.Status | Should -Be 'SUCCESS'
        $status.TotalCount | Should -Be 3
        $status.Objects.ItemId | Should -Be @('1', '2', '3')
        $ids = $status.Objects.Response.MergeCommonModelId
        (Get-MergeInvoice -Id $ids).Number | Should -Be @('BULK-1', 'BULK-2', 'BULK-3')
    }

    It 'reports an unknown batch as MergePS.NotFound' {
        Get-MergeBulkCreateStatus -Resource Expense -BatchId ([guid]::NewGuid()) -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MergePS.NotFound*'
    }
}
