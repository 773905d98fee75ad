/**
 * Moved to src/check/supportLink.ts (a pure module, shared with the support-link form and the
 * /check page). Kept only because tests/unit/engine/ids.test.ts, which belongs to the engine's
 * side, still imports it from here; remove once that import names src/check/supportLink.
 */
export {parseSupportLinkParams} from '../../check/supportLink';
