// Preloaded (node -r) into the API the browser tests start. Its standard input is a pipe from the test
// runner: when the runner ends, even killed with SIGKILL, the pipe closes and the API stops gracefully
// instead of running on as an orphan holding its port and database.
'use strict';
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  process.kill(process.pid, 'SIGTERM');
};
process.stdin.on('end', stop).on('close', stop).on('error', stop).resume();
