/** A backup or restore that cannot go on; the message says why and what to do, and is all the command prints. */
export class BackupError extends Error {}
