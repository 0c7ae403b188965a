export { backupCommand, restoreCommand, BACKUP_USAGE, type Io } from './cli.js';
export { BackupError } from './errors.js';
export { readBackupFile, verifyPayload, type BackupManifest, type BackupFile } from './format.js';
