// The Temporal worker arrives with the Temporal engine (issue 5). Until then the embedded engine runs inside
// the API process and this entry point only explains that, so nobody mistakes it for a running worker.
process.stderr.write(
  'apps/worker: the Temporal worker is not part of this version; the embedded engine runs inside the API.\n',
);
process.exit(1);
