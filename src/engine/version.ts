/** Recorded in reports, snapshots and bundles. A test keeps TOOL_VERSION equal to package.json's version. */
export const TOOL_NAME = 'soc2';
export const TOOL_VERSION = '0.1.0';
