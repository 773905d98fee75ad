/**
 * What the check needs once it is on screen, as one lazily loaded chunk: comparing, manifest
 * parsing, reports, the sample tenant with its Graph stand-in, and the tenant reader with
 * fetchTransport, so a sample check runs the live reader's code end to end, and the reader over
 * pasted output (a check with the admin's own tools). Not the permission catalog: comparing
 * loads the parts of it a check looks up (compareLoadingCatalog). No Graph client and no MSAL
 * here: a live check adds the Graph client (graphReader.ts) and sign-in (src/auth) when it starts.
 */
export {catalogPartsAt, compareLoadingCatalog, loadCatalogPartsFrom} from '../../permissions/catalogOnDemand';
export {fetchTransport} from '../../permissions/fetchTransport';
export {ManifestError, parseAppManifest} from '../../permissions/manifest';
export {PastedAnswerError} from '../../permissions/pastedAnswer';
export {readPastedTenant} from '../../permissions/pastedRead';
export {renderReport} from '../../permissions/reports';
export {SAMPLE_TENANT_ID} from '../../permissions/sampleTenant/apps';
export {createGraphStandIn} from '../../permissions/sampleTenant/graphStandIn';
export {readTenantState} from '../../permissions/tenantReader';
export {TenantReadError} from '../../permissions/tenantReadError';
