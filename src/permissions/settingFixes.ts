/**
 * Fixes of an app's settings: its sign-in audience, and a new client secret or certificate
 * (replacing expired ones). The new secret is shown once, by the tool: it never appears in a fix.
 */
import {normalizeGuid} from './ids';
import {appIdOf, azurePrelude, portalUrl, powershellApp, powershellConnect, type PortalBlade, type RemediationContext} from './remediation';
import type {Fix, ObservedCredential} from './types';

/**
 * A fix that changes the app registration itself: the blade to open, then the same change with
 * Azure CLI and with Microsoft Graph PowerShell (signed in, the app looked up by its app id).
 */
function appFix(ctx: RemediationContext, blade: PortalBlade, fix: Pick<Fix, 'summary' | 'azureCli' | 'powershell'>): Fix {
  return {
    summary: fix.summary,
    portalUrl: portalUrl(ctx.cloud, ctx.appId, blade),
    azureCli: [...azurePrelude(ctx), ...fix.azureCli],
    powershell: [powershellConnect(ctx, ['Application.ReadWrite.All']), powershellApp(ctx), ...fix.powershell],
  };
}

/** Sign-in audience differs from the guide's. */
export function fixSignInAudience(expected: string, ctx: RemediationContext): Fix {
  return appFix(ctx, 'authentication', {
    summary: `Set the app's supported account types (signInAudience) to ${expected}.`,
    azureCli: [`az ad app update --id ${appIdOf(ctx)} --sign-in-audience ${expected}`],
    powershell: [`Update-MgApplication -ApplicationId $app.Id -SignInAudience '${expected}'`],
  });
}

/**
 * A new client secret or certificate, then the expired ones deleted (by key id, as normalizeGuid
 * returns it: only a GUID reaches a command) once the scanner uses the new one.
 */
function newCredentialFix(
  ctx: RemediationContext,
  replace: ObservedCredential[],
  what: {adding: string; replacing: string; azureAdd: string; azureDelete: string; powershell: (keyIds: string[]) => string[]},
): Fix {
  const appId = appIdOf(ctx);
  const keyIds = replace.map((c) => normalizeGuid(c.keyId)).filter((keyId): keyId is string => keyId !== null);
  return appFix(ctx, 'credentials', {
    summary: keyIds.length > 0 ? what.replacing : what.adding,
    azureCli: [
      `az ad app credential reset --id ${appId} ${what.azureAdd}`,
      ...keyIds.map((keyId) => `az ad app credential delete --id ${appId} --key-id ${keyId}${what.azureDelete}`),
    ],
    powershell: what.powershell(keyIds),
  });
}

/** Add a client secret (the new secret is shown once, by the tool: it never appears in a fix). */
export function fixAddSecret(ctx: RemediationContext, replace: ObservedCredential[] = []): Fix {
  return newCredentialFix(ctx, replace, {
    adding: 'Add a client secret (or upload a certificate) and give it to the scanner.',
    replacing: 'Add a new client secret, give it to the scanner, then delete the expired one.',
    azureAdd: '--append --display-name scanner',
    azureDelete: '',
    powershell: (keyIds) => [
      `Add-MgApplicationPassword -ApplicationId $app.Id -PasswordCredential @{ displayName = 'scanner'; endDateTime = (Get-Date).AddMonths(12) }`,
      ...keyIds.map((keyId) => `Remove-MgApplicationPassword -ApplicationId $app.Id -KeyId '${keyId}'`),
    ],
  });
}

/** Upload a new certificate (public key only) and remove the expired one. */
export function fixAddCertificate(ctx: RemediationContext, replace: ObservedCredential[] = []): Fix {
  return newCredentialFix(ctx, replace, {
    adding: 'Upload a certificate (its public key: .cer, .pem or .crt) and give the scanner its private key.',
    replacing: 'Upload a new certificate (its public key: .cer, .pem or .crt), give the scanner its private key, then delete the expired one.',
    azureAdd: '--cert @scanner-cert.pem --append',
    azureDelete: ' --cert',
    powershell: () => [
      '# This replaces every certificate of the app with the new one (Azure CLI --append keeps the others).',
      `$cert = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2('scanner-cert.cer')`,
      `Update-MgApplication -ApplicationId $app.Id -KeyCredentials @(@{ type = 'AsymmetricX509Cert'; usage = 'Verify'; key = $cert.RawData; displayName = $cert.Subject })`,
    ],
  });
}
