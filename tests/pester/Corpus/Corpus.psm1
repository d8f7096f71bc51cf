<#
    Runs the cases of tests/corpus/bad-input.psd1: each in a fresh runspace of this pwsh with the staged module
    imported, stopped at its time limit, and judged against its expected verdict.
#>

Set-StrictMode -Version Latest

function Get-CorpusCase {
    <# .SYNOPSIS The cases of the corpus data file, each with its defaults filled in. #>
    param([Parameter(Mandatory)] [string] $Path)

    foreach ($case in (Import-PowerShellDataFile -LiteralPath $Path).Cases) {
        $filled = @{ Prepare = ''; ErrorId = ''; Mentions = @(); Parameter = ''; Output = ''; Hides = @(); TimeLimit = 60 }
        foreach ($key in $case.Keys) { $filled[$key] = $case[$key] }
        $filled
    }
}

function Add-CorpusTask {
    <# .SYNOPSIS Adds a task to the emulator (the shape of tools/CometRunway.Emulator/README.md). #>
    param([Parameter(Mandatory, Position = 0)] [hashtable] $Task)
    $null = Invoke-RestMethod -Method Post -Uri "$script:EmulatorBase/_emulator/tasks" -ContentType 'application/json' -Body ($Task | ConvertTo-Json -Depth 5)
}

function Add-CorpusFault {
    <# .SYNOPSIS Adds a fault to the emulator (kind, status, body, headers, taskId, always, ...). #>
    param([Parameter(Mandatory, Position = 0)] [hashtable] $Fault)
    $null = Invoke-RestMethod -Method Post -Uri "$script:EmulatorBase/_emulator/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json -Depth 5 -Compress)
}

function Invoke-CorpusCase {
    <#
    .SYNOPSIS
        Runs one case and returns what happened: Output (text), Errors (records, the terminating one included),
        AllText (everything a user could see), Hung.
    #>
    param(
        [Parameter(Mandatory)] [hashtable] $Case,
        [Parameter(Mandatory)] [string] $Manifest,
        [Parameter(Mandatory)] [object] $Emulator,
        [Parameter(Mandatory)] [string] $WorkDirectory
    )

    $script:EmulatorBase = $Emulator.BaseUri.TrimEnd('/')
    $null = Invoke-RestMethod -Method Post -Uri "$script:EmulatorBase/_emulator/reset"
    $variables = @{
        Base = $script:EmulatorBase
        Key  = $Emulator.ApiKey
        Dir  = (New-Item -ItemType Directory -Path (Join-Path $WorkDirectory ([guid]::NewGuid().ToString('N'))) -Force).FullName
        File = (Join-Path $WorkDirectory 'a-file.txt')
    }
    Set-Content -LiteralPath $variables.File -Value 'not a folder'
    # The create cmdlets' inputs: an image that is one by its signature, and a file that is not.
    [System.IO.File]::WriteAllBytes((Join-Path $variables.Dir 'still.png'), [byte[]] (0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A) + [byte[]]::new(56))
    Set-Content -LiteralPath (Join-Path $variables.Dir 'notes.txt') -Value 'not an image'
    if ($Case.Prepare) {
        $Base, $Key, $Dir, $File = $variables.Base, $variables.Key, $variables.Dir, $variables.File
        . ([scriptblock]::Create($Case.Prepare))
    }

    $shell = [powershell]::Create()
    try {
        $null = $shell.AddScript("param(`$Manifest, `$Base, `$Key, `$Dir, `$File)`nImport-Module `$Manifest -ErrorAction Stop`nSet-Location -LiteralPath `$Dir`n$($Case.Script)")
        $null = $shell.AddParameters(@{ Manifest = $Manifest } + $variables)
        $handle = $shell.BeginInvoke()
        $hung = -not $handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($Case.TimeLimit))
        $output = @()
        $terminating = $null
        if ($hung) {
            $shell.Stop()
        }
        else {
            try {
                $output = @($shell.EndInvoke($handle))
            }
            catch {
                $inner = $_.Exception.InnerException
                $terminating = if ($inner -is [System.Management.Automation.IContainsErrorRecord]) { $inner.ErrorRecord } else { $_ }
            }
        }

        $errors = @($shell.Streams.Error) + @($terminating | Where-Object { $_ })
        $text = ($output | Out-String -Width 200)
        [pscustomobject]@{
            Created = (Invoke-RestMethod -Uri "$script:EmulatorBase/_emulator/created").count
            Output  = $text
            Errors  = $errors
            Hung    = $hung
            # What a user or an export can see: the view, each error as shown and as Export-Clixml writes its
            # exception (every property, inner exceptions too) and category, the output objects' hidden properties,
            # and every stream. The command line itself (InvocationInfo) is the user's own text and is left out.
            AllText = (@($text) + @($errors | ForEach-Object { $_.ToString(); $_.Exception.Message; "$($_.TargetObject)"; $_.CategoryInfo.ToString() }) +
                @([System.Management.Automation.PSSerializer]::Serialize(@($errors | ForEach-Object Exception) + @($output), 3)) +
                @($shell.Streams.Verbose | ForEach-Object Message) + @($shell.Streams.Warning | ForEach-Object Message) +
                @($shell.Streams.Debug | ForEach-Object Message) + @($shell.Streams.Information | ForEach-Object { "$($_.MessageData)" })) -join "`n"
        }
    }
    finally {
        $shell.Dispose()
    }
}

function Get-CorpusVerdict {
    <#
    .SYNOPSIS
        Whether a result is the case's verdict: a list of what is wrong (empty when it is right), for Should.
    #>
    param([Parameter(Mandatory)] [hashtable] $Case, [Parameter(Mandatory)] [object] $Result, [Parameter(Mandatory)] [string] $ApiKey)

    if ($Result.Hung) { return "hung: still running after $($Case.TimeLimit) s" }
    if ($Result.AllText.Contains($ApiKey)) { 'the API key appears in what the user sees' }
    foreach ($hidden in $Case.Hides) { if ($Result.AllText.Contains($hidden)) { "'$hidden' appears in what the user sees" } }

    if ($Case.Verdict -eq 'Accepted') {
        foreach ($error in $Result.Errors) { "an error where none was expected: $($error.FullyQualifiedErrorId): $error" }
        if ($Case.Output -and $Result.Output -notmatch $Case.Output) { "the output does not match '$($Case.Output)': $($Result.Output)" }
        return
    }

    if ($Result.Created -gt 0) { "bad input created $($Result.Created) task(s), which cost money" }
    if ($Result.Errors.Count -eq 0) { return "no error; output: $($Result.Output)" }
    $first = $Result.Errors[0]
    $id = $first.FullyQualifiedErrorId.Split(',')[0]
    if ($id -ne $Case.ErrorId) { "error id $id, expected $($Case.ErrorId): $first" }
    $message = if ($first.ErrorDetails -and $first.ErrorDetails.Message) { $first.ErrorDetails.Message } else { $first.Exception.Message }
    foreach ($mention in $Case.Mentions) { if (-not $message.Contains($mention)) { "the message does not name '$mention': $message" } }
    if ($Case.Parameter) {
        $named = if ($first.Exception.PSObject.Properties['ParameterName']) { $first.Exception.ParameterName }
        if ($named -ne $Case.Parameter) { "the error names the parameter '$named', expected '$($Case.Parameter)'" }
    }
    if ($message -match '\n\s+at ') { "the message carries a stack trace: $message" }
}

Export-ModuleMember -Function Get-CorpusCase, Add-CorpusTask, Add-CorpusFault, Invoke-CorpusCase, Get-CorpusVerdict
