<#
    Reads a table as Format-Table renders it, to find cells that were cut to fit the width.
#>

Set-StrictMode -Version Latest

function Get-CutCell {
    <#
    .SYNOPSIS
        The cells of every table in -Text that end in '…' (cut to fit) with fewer than -MinimumLength
        characters left, as objects with Column and Cell.
    .DESCRIPTION
        A table starts at its line of dashes under the headers: each run of dashes begins a column, which
        reaches to the next one; rows follow until a blank line.
    #>
    param(
        [Parameter(Mandatory)] [string] $Text,
        [int] $MinimumLength = 12
    )

    $lines = $Text -split '\r?\n'
    for ($i = 1; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -notmatch '^\s*-+(\s+-+)*\s*$') { continue }
        $starts = @([regex]::Matches($lines[$i], '-+') | ForEach-Object Index)
        for ($row = $i + 1; $row -lt $lines.Count -and $lines[$row].Trim(); $row++) {
            for ($column = 0; $column -lt $starts.Count; $column++) {
                $end = if ($column + 1 -lt $starts.Count) { $starts[$column + 1] } else { [int]::MaxValue }
                $cell = Get-Slice $lines[$row] $starts[$column] $end
                if ($cell.EndsWith([char] 0x2026) -and $cell.Length -lt $MinimumLength) {
                    [pscustomobject]@{ Column = (Get-Slice $lines[$i - 1] $starts[$column] $end); Cell = $cell }
                }
            }
        }
    }
}

function Get-WrappedHeader {
    <#
    .SYNOPSIS
        The header lines of every table in -Text that take more than one line: a column too narrow for its
        label gets the label wrapped over several lines (the line two above the dashes is not blank).
    #>
    param([Parameter(Mandatory)] [string] $Text)

    $lines = $Text -split '\r?\n'
    for ($i = 2; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -match '^\s*-+(\s+-+)*\s*$' -and $lines[$i - 2].Trim()) { $lines[$i - 2] }
    }
}

function Get-Slice([string] $Line, [int] $Start, [int] $End) {
    if ($Start -ge $Line.Length) { return '' }
    $Line.Substring($Start, [Math]::Min($End, $Line.Length) - $Start).Trim()
}

Export-ModuleMember -Function Get-CutCell, Get-WrappedHeader
