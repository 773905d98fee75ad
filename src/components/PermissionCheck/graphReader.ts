/**
 * What only a live check adds, as one lazily loaded chunk: the Microsoft Graph client with its
 * middleware (token, retries, telemetry), as the tenant reader's transport. The reader itself is
 * in the check engine chunk, shared with sample checks.
 */
export {createGraphClient, createGraphTransport, graphClientTransport} from '../../permissions/graphClient';
