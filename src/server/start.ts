import { runCli } from '../cli/sip';

// `npm start` is `sip serve`: one code path for starting, whichever way it is invoked.
await runCli([process.argv[0] ?? 'node', 'sip', 'serve']);
