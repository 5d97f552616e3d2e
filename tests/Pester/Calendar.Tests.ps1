BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'Catalog.ps1')
    Reset-Emulator
    Connect-TestSession 'calendar-token-1'
    Set-MergeAccount -Name calendar -AccountToken 'calendar-token-1' -NoSelect
    $events = @(Get-DirectAll calendar '/calendar/v1/events')
}

AfterAll { Disconnect-Merge }

. (Join-Path $PSScriptRoot 'CategoryReads.ps1') -Category calendar

Describe 'Calendar filters and pipelines' {
    It 'lists the events of one calendar with -CalendarId and of a piped calendar' {
        $calendar = ($events | Where-Object calendar | Group-Object calendar | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeEvent -CalendarId $calendar)
        $found.Count | Should -BeGreaterThan 0
        ($found.Id | Sort-Object) | Should -Be (@($events | Where-Object calendar -eq $calendar).id | Sort-Object)
        $piped = @(Get-MergeCalendar -Id $calendar | Get-MergeEvent)
        ($piped.Id | Sort-Object) | Should -Be ($found.Id | Sort-Object)
    }

    It 'filters events by -StartsAfter' {
        $starts = @($events.start_date | Where-Object { $_ } | ForEach-Object { ([datetimeoffset]$_).UtcDateTime } | Sort-Object)
        $cut = $starts[[int]($starts.Count / 2)]
        $found = @(Get-MergeEvent -StartsAfter $cut)
        $expected = @($events | Where-Object { $_.start_date -and ([datetimeoffset]$_.start_date).UtcDateTime -gt $cut }).id
        $found.Count | Should -BeGreaterThan 0
        ($found.Id | Sort-Object) | Should -Be ($expected | Sort-Object)
    }

    It 'shows cancelled events only with -IncludeCancelled true' {
        # The reference types include_cancelled as a string, so the parameter takes text.
        @($events | Where-Object is_cancelled).Count | Should -Be 0
        $all = @(Get-MergeEvent -IncludeCancelled 'true')
        $cancelled = @($all | Where-Object IsCancelled)
        $cancelled.Count | Should -BeGreaterThan 0
        $all.Count | Should -Be ($events.Count + $cancelled.Count)
    }

    It 'finds users by -EmailAddress' {
        $user = (Get-DirectPage calendar '/calendar/v1/users' 3)[2]
        $found = @(Get-MergeCalendarUser -EmailAddress $user.email_address)
        $found.Id | Should -Contain $user.id
        $found[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Calendar.User'
    }
}
