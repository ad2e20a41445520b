// The baseline, in its own process: the same bytes written straight to the same storage adapter
// with the same durability (the local adapter fsyncs, as the product's parts do). Prints milliseconds.
const { createReadStream } = require('node:fs');
const { randomBytes } = require('node:crypto');
const { createObjectStorage } = require('../../server/dist/storage/storage.module');
const { loadConfig } = require('../../server/dist/config/config.schema');

async function main() {
  const [, , file] = process.argv;
  const storage = createObjectStorage(loadConfig(process.env));
  await storage.init();
  const key = `bench-direct-${randomBytes(8).toString('hex')}`;
  const started = process.hrtime.bigint();
  await storage.put(key, createReadStream(file, { highWaterMark: 1024 * 1024 }));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  await storage.delete(key);
  process.stdout.write(`${elapsed}\n`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
