/** Reading a tenant through Microsoft Graph: the Graph client and the reader, as one lazily loaded chunk. */
import './zodWithoutEval';

export {createGraphClient} from '../../permissions/graphClient';
export {TenantReadError, readTenantState} from '../../permissions/tenantReader';
