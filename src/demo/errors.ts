import { ConflictError, UnavailableError } from '../core/index.ts';

/** hardhat (a devDependency) is missing: the install omitted dev dependencies. */
export class DemoNeedsHardhatError extends UnavailableError {
  override name = 'DemoNeedsHardhatError';
  constructor(cause: unknown) {
    super('The demo needs hardhat; run npm install without --omit=dev.', {
      cause,
      retryable: false,
      metaMessages: ['The demo starts a local EVM devnet with hardhat, which is a development dependency.', 'A production install (npm ci --omit=dev) does not have it; real workspaces do not need it.'],
      docsPath: 'demo-needs-hardhat',
    });
  }
}

/** The local devnet did not start or stopped answering. */
export class DemoDevnetFailedError extends UnavailableError {
  override name = 'DemoDevnetFailedError';
  constructor(shortMessage: string, output: string) {
    super(shortMessage, { retryable: false, details: output.slice(-1500), metaMessages: ['Its output is below. Start the demo again; if it keeps failing, run `npx hardhat --version` to check the install.'], docsPath: 'demo-devnet-failed' });
  }
}

/** The demo refuses to touch a data dir that holds (or is) a real workspace. */
export class DemoWorkspaceRefusedError extends ConflictError {
  override name = 'DemoWorkspaceRefusedError';
  constructor(shortMessage: string, whatToDo: string) {
    super(shortMessage, { metaMessages: [whatToDo], docsPath: 'demo-workspace-refused' });
  }
}
