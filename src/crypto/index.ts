export { Keyring, resolveMasterKey, rotateDataKey, rewrapDataKeys, replaceMasterKeyFile } from './keyring.js';
