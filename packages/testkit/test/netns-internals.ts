// Internals of the netns harness the unit tests reach into (not part of the API).

export {
  checkIfName,
  MAX_IFNAME,
  makeLabId,
  namespaceName,
  parseLabId,
  parseNamespaceName,
  parseNetnsList,
  staleReason,
  vethName,
} from '../src/netns/index.js';
export { openLabIds as openLabIdsForTest } from '../src/netns/owner.js';
