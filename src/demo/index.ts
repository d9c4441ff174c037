export { startDemo, type DemoOptions, type RunningDemo } from './start-demo.ts';
export { resetDemo, openDemoWorkspace, type DemoWorkspace, type DemoMarker, type WorkspaceCheck } from './workspace.ts';
export { demoConfig, demoChain, demoChains, demoDirOf, type DemoSettings } from './demo-config.ts';
export { startDevnet, freePort, type Devnet, type DevnetOptions } from './devnet.ts';
export { parseDuration } from './duration.ts';
export { DemoNeedsHardhatError, DemoDevnetFailedError, DemoWorkspaceRefusedError } from './errors.ts';
