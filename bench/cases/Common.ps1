# Helpers the benchmark cases share. Dot-sourced.

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count -eq 0) { return $null }
    $mid = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$mid] }
    return ($sorted[$mid - 1] + $sorted[$mid]) / 2
}

# The process's peak resident set: VmHWM on Linux, PeakWorkingSet64 elsewhere.
function Get-PeakWorkingSetMB {
    if (Test-Path /proc/self/status) {
        $line = Select-String -Path /proc/self/status -Pattern '^VmHWM:\s+(\d+)\s+kB' | Select-Object -First 1
        if ($line) { return [math]::Round([double]$line.Matches[0].Groups[1].Value / 1024, 1) }
    }
    return [math]::Round([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB, 1)
}

# The one line the orchestrator reads.
function Write-Result([System.Collections.IDictionary] $Result) {
    Write-Output ('RESULT ' + ($Result | ConvertTo-Json -Compress -Depth 4))
}
