/**
 * System errors in words: what could not be done, where, and why ("could not write /dev/full:
 * the disk is full (ENOSPC)"), instead of Node's `ENOSPC: no space left on device, write`.
 */

/** An I/O failure already put in words: printed as one line, exit code 1. */
export class IoError extends Error {}

interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file would be larger than this system allows',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'something of that name already exists',
  ENOTEMPTY: 'the folder is not empty',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'the path loops through symbolic links',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the device reported an input/output error',
  ENXIO: 'the device is not available',
  ENODEV: 'the device is not available',
  EBUSY: 'it is busy',
  ETXTBSY: 'it is busy',
  EINVAL: 'the name is not valid there',
  EXDEV: 'it is on another file system',
  EAGAIN: 'the system is out of resources',
  ENOMEM: 'the system is out of memory',
};

/** What the call was doing, by the failing system call. */
const VERBS: Readonly<Record<string, string>> = {
  mkdir: 'create the folder',
  rmdir: 'remove',
  unlink: 'remove',
  rm: 'remove',
  rename: 'move into place',
  scandir: 'read the folder',
  opendir: 'read the folder',
  stat: 'read',
  lstat: 'read',
  access: 'reach',
  read: 'read',
};

export function isSystemError(e: unknown): e is Error & SystemError {
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/** Why, in words (with the code, which people search for). `creating`: the call made a file or folder. */
export function reasonOf(e: SystemError, creating = false): string {
  const missing = creating ? `this place does not allow new ${e.syscall === 'mkdir' ? 'folders' : 'files'}` : 'it does not exist';
  const why = e.code === 'ENOENT' ? missing : REASONS[e.code];
  return why ? `${why} (${e.code})` : `the system refused (${e.code})`;
}

/**
 * One line for a system error: "could not <verb> <path>: <reason>". `target` names the file or
 * folder being written when the error itself carries no path (a failed write() has none).
 */
export function describeIoError(e: SystemError, target?: string): string {
  const verb = (e.syscall && VERBS[e.syscall]) ?? 'write';
  const where = e.path ?? target;
  return `could not ${verb}${where ? ` ${where}` : ' the output'}: ${reasonOf(e, true)}`;
}

/**
 * The one line for a failure while running or writing (exit code 1): system errors in words
 * (naming `target` when the error names no file), anything else by its message, never a stack.
 */
export function failureLine(e: unknown, target?: string): string {
  if (e instanceof IoError) return e.message;
  if (isSystemError(e)) return describeIoError(e, target);
  const message = e instanceof Error ? e.message : String(e);
  return (message.split('\n')[0] || 'the run failed').trim();
}
