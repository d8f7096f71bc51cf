<#
    A fresh `pwsh -NoProfile` child process, as a user or a scheduler starts one: what it prints to stdout
    and stderr, its exit code, and a time limit after which it is killed. Plain text (NO_COLOR), so that
    output can be compared with documentation.
#>

Set-StrictMode -Version Latest

$pwshPath = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

function Start-Pwsh {
    <#
    .SYNOPSIS
        Starts pwsh with -File (and its arguments) or -Command; returns a handle for Wait-Pwsh.
    .PARAMETER Environment
        Variables to set in the child; a $null value removes the variable.
    .PARAMETER XmlOutput
        -OutputFormat XML: the child writes its streams as CLIXML (see Read-ProgressRecord).
    .PARAMETER InputText
        What a person types at the child's prompts (its stdin); the child is then interactive, so that
        -Confirm can ask.
    #>
    [CmdletBinding(DefaultParameterSetName = 'File')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'File')] [string] $File,
        [Parameter(ParameterSetName = 'File')] [string[]] $ArgumentList = @(),
        [Parameter(Mandatory, ParameterSetName = 'Command')] [string] $Command,
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = (Get-Location -PSProvider FileSystem).ProviderPath,
        [switch] $XmlOutput,
        [string] $InputText,
        [timespan] $Timeout = [timespan]::FromMinutes(3)
    )

    $start = [System.Diagnostics.ProcessStartInfo]::new($pwshPath)
    $start.ArgumentList.Add('-NoProfile')
    if (-not $InputText) { $start.ArgumentList.Add('-NonInteractive') }
    if ($XmlOutput) { $start.ArgumentList.Add('-OutputFormat'); $start.ArgumentList.Add('XML') }
    if ($PSCmdlet.ParameterSetName -eq 'File') {
        $start.ArgumentList.Add('-File')
        $start.ArgumentList.Add($File)
        foreach ($argument in $ArgumentList) { $start.ArgumentList.Add($argument) }
    }
    else {
        $start.ArgumentList.Add('-Command')
        $start.ArgumentList.Add($Command)
    }

    $start.WorkingDirectory = $WorkingDirectory
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.Environment['NO_COLOR'] = '1'
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { $null = $start.Environment.Remove($name) } else { $start.Environment[$name] = [string] $Environment[$name] }
    }

    $process = [System.Diagnostics.Process]::Start($start)
    if ($InputText) { $process.StandardInput.Write($InputText) }
    $process.StandardInput.Close()
    [pscustomobject]@{
        Process  = $process
        Output   = $process.StandardOutput.ReadToEndAsync()
        Errors   = $process.StandardError.ReadToEndAsync()
        Deadline = [DateTime]::UtcNow + $Timeout
    }
}

function Wait-Pwsh {
    <# .SYNOPSIS Waits for a child from Start-Pwsh (killing it at its deadline) and returns ExitCode, Output, Errors, TimedOut. #>
    param([Parameter(Mandatory)] [object] $Child)

    $remaining = [Math]::Max(0, ($Child.Deadline - [DateTime]::UtcNow).TotalMilliseconds)
    $timedOut = -not $Child.Process.WaitForExit([int] $remaining)
    if ($timedOut) { $Child.Process.Kill($true) }
    $Child.Process.WaitForExit()
    [pscustomobject]@{
        ExitCode = $Child.Process.ExitCode
        Output   = $Child.Output.GetAwaiter().GetResult()
        Errors   = $Child.Errors.GetAwaiter().GetResult()
        TimedOut = $timedOut
    }
}

function Invoke-Pwsh {
    <# .SYNOPSIS Start-Pwsh with the same parameters, then Wait-Pwsh. #>
    Wait-Pwsh -Child (Start-Pwsh @args)
}

function Read-ProgressRecord {
    <#
    .SYNOPSIS
        The progress records in the CLIXML a `pwsh -OutputFormat XML` child wrote to stderr: what its host was
        given, in order, as objects with ActivityId, ParentActivityId, Activity, StatusDescription,
        PercentComplete and RecordType.
    #>
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $CliXml)

    $namespace = @{ ps = 'http://schemas.microsoft.com/powershell/2004/04' }
    foreach ($document in [regex]::Matches($CliXml, '<Objs[\s\S]*?</Objs>')) {
        foreach ($record in (Select-Xml -Content $document.Value -XPath '//ps:Obj[@S="progress"]/ps:MS/ps:PR' -Namespace $namespace).Node) {
            [pscustomobject]@{
                Activity          = $record.AV
                ActivityId        = [int] $record.AI
                ParentActivityId  = [int] $record.PI
                PercentComplete   = [int] $record.PC
                RecordType        = $record.T
                StatusDescription = $record.SD
            }
        }
    }
}

Export-ModuleMember -Function Start-Pwsh, Wait-Pwsh, Invoke-Pwsh, Read-ProgressRecord
