<#
.SYNOPSIS
    Runs one help example as a user would paste it into a fresh session: the fixture first, then the example,
    its output shown as on a console 120 columns wide (what the pages' output blocks show).
#>
param(
    [Parameter(Mandatory)] [string] $Fixture,
    [Parameter(Mandatory)] [string] $Example
)

. $Fixture
. $Example | Out-String -Stream -Width 120
