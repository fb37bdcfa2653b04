// Temporary config for running the collaboration browser tests alone, with the server plugin:
//   RP_TEST_FILES='test/sync/collab/**/*.test.ts' npx wtr --config test/sync/collab/wtr.config.mjs
// The main web-test-runner.config.mjs needs only `plugins: [collabServerPlugin()]` added.
import base from '../../../web-test-runner.config.mjs';
import { collabServerPlugin } from './collab-server-plugin.mjs';

export default { ...base, plugins: [...(base.plugins ?? []), collabServerPlugin()] };
