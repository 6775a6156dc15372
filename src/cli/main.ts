import { runCli } from './sip';

await runCli(process.argv);
