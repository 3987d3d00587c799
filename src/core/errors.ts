/**
 * The few error classes the tool throws on purpose. Each carries the exit code of the product
 * contract; only the CLI entry turns them into an exit. Anything else that escapes is a bug and is
 * shown with its stack.
 */
export const ExitCode = {
  ok: 0,
  documentsFailed: 1,
  usage: 2,
  environment: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class HandoutsError extends Error {
  readonly exitCode: ExitCodeValue;
  /** What the user can do about it, printed under the message. */
  readonly hint?: string;

  constructor(message: string, options: { exitCode: ExitCodeValue; hint?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode;
    this.hint = options.hint;
  }
}

/** Bad flags, a bad config file: exit 2. */
export class UsageError extends HandoutsError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: ExitCode.usage });
  }
}

/** No usable browser, an output folder that cannot be written: exit 3. */
export class EnvironmentError extends HandoutsError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: ExitCode.environment });
  }
}
