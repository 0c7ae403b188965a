export { Keyring, resolveMasterKey } from './keyring.js';
