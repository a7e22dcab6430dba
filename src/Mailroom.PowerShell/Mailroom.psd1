@{
    RootModule           = 'Mailroom.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6b0f8c52-3c1e-4c55-9f5e-0d6f2a8b7e41'
    Author               = 'The Mailroom developers'
    Description          = 'Administer a Mailroom organization with the cmdlets and parameters of the Exchange Management Shell.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('Mailroom.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Mailroom', 'Disconnect-Mailroom',
        'Get-AcceptedDomain', 'New-AcceptedDomain', 'Set-AcceptedDomain', 'Remove-AcceptedDomain',
        'Get-EmailAddressPolicy', 'New-EmailAddressPolicy', 'Set-EmailAddressPolicy', 'Remove-EmailAddressPolicy', 'Update-EmailAddressPolicy',
        'Get-Mailbox', 'New-Mailbox', 'Set-Mailbox', 'Remove-Mailbox',
        'Get-MailboxDatabase', 'New-MailboxDatabase', 'Set-MailboxDatabase', 'Remove-MailboxDatabase',
        'Get-ExchangeServer', 'Get-ClientAccessService', 'Set-ClientAccessService',
        'Get-ClientAccessArray', 'New-ClientAccessArray', 'Set-ClientAccessArray', 'Remove-ClientAccessArray',
        'Get-ReceiveConnector', 'New-ReceiveConnector', 'Set-ReceiveConnector', 'Remove-ReceiveConnector',
        'Get-SendConnector', 'New-SendConnector', 'Set-SendConnector', 'Remove-SendConnector',
        'Get-Queue', 'Retry-Queue', 'Get-Message', 'Suspend-Message', 'Resume-Message', 'Remove-Message',
        'Get-MessageTrackingLog',
        'Get-ADPermission', 'Add-ADPermission', 'Remove-ADPermission',
        'Get-ClientAccessRule', 'New-ClientAccessRule', 'Set-ClientAccessRule', 'Remove-ClientAccessRule', 'Test-ClientAccessRule',
        'Get-CASMailbox', 'Set-CASMailbox', 'Get-AuthenticationLockout', 'Clear-AuthenticationLockout',
        'Get-AutodiscoverVirtualDirectory', 'Set-AutodiscoverVirtualDirectory', 'Get-OwaVirtualDirectory', 'Set-OwaVirtualDirectory',
        'Get-EcpVirtualDirectory', 'Set-EcpVirtualDirectory', 'Get-ImapSettings', 'Set-ImapSettings', 'Get-PopSettings', 'Set-PopSettings',
        'Get-AutodiscoverEndpoint', 'Test-AutodiscoverEndpoint',
        'Get-ServiceConnectionPoint', 'New-ServiceConnectionPoint', 'Remove-ServiceConnectionPoint',
        'Get-ExchangeCertificate', 'New-ExchangeCertificate', 'Import-ExchangeCertificate', 'Enable-ExchangeCertificate',
        'Export-ExchangeCertificate', 'Remove-ExchangeCertificate',
        'Get-ServerComponentState', 'Set-ServerComponentState', 'Export-ClientAccessArrayConfiguration'
    )
    AliasesToExport      = @('Get-ClientAccessServer', 'Set-ClientAccessServer')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    PrivateData          = @{ PSData = @{ Tags = @('Exchange', 'Mail', 'SMTP', 'IMAP', 'Linux') } }
}
