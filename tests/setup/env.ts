// Runs in every test file before anything is imported: a quiet, deterministic test environment.
// Each Jest worker gets its own Redis database and, per run, its own key prefix: files running in
// parallel, and test runs started side by side, never share queues or rate-limit counters.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
process.env.REDIS_URL = `redis://127.0.0.1:6379/${Number(process.env.JEST_WORKER_ID ?? '1') % 16}`;
process.env.REDIS_PREFIX = `test${process.env.TEST_RUN_ID ?? ''}w${process.env.JEST_WORKER_ID ?? '1'}`.replace(/[^a-z0-9_-]/gi, '');
delete process.env.BOOTSTRAP_ADMIN_EMAIL;
delete process.env.BOOTSTRAP_ADMIN_PASSWORD;
delete process.env.WORKER_IN_PROCESS;
// Never the real PDOK: a closed local port unless a test starts its stub geocoder.
process.env.GEOCODER_URL = 'http://127.0.0.1:9';
