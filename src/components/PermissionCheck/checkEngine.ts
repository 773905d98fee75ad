/**
 * What the check needs once it is on screen, as ONE lazily loaded chunk (separate import()s
 * each got their own copy of the permission catalog): comparing, manifest parsing, reports, the
 * sample tenant and its Graph stand-in. No Graph client and no MSAL here.
 */
import './zodWithoutEval';

export {compareToProfile} from '../../permissions/compare';
export {ManifestError, parseAppManifest} from '../../permissions/manifest';
export {renderReport} from '../../permissions/reports';
export {SAMPLE_APPS, SAMPLE_TENANT_ID} from '../../permissions/sampleTenant/data';
export {createGraphStandIn} from '../../permissions/sampleTenant/graphStandIn';
