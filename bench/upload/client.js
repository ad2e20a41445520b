// The client side of the benchmark, in its own process: uploads a file through the tus API in
// chunks, describes it, and waits until the item is available. Prints the elapsed milliseconds.
const http = require('node:http');
const { createReadStream, statSync } = require('node:fs');

const [, , baseUrl, cookie, csrf, jitId, partyId, file] = process.argv;
const CHUNK = 16 * 1024 * 1024;

function request(method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseUrl), { method, headers: { cookie, 'x-xsrf-token': csrf, ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body && typeof body.pipe === 'function') body.pipe(req);
    else req.end(body);
  });
}

/** Only sends the chunks to a server that discards them: the cost of loopback HTTP alone. */
async function sendOnly() {
  const size = statSync(file).size;
  const started = process.hrtime.bigint();
  for (let offset = 0; offset < size; offset += CHUNK) {
    const end = Math.min(size, offset + CHUNK);
    await request('PATCH', '/', { 'content-length': String(end - offset) }, createReadStream(file, { start: offset, end: end - 1 }));
  }
  process.stdout.write(`${Number(process.hrtime.bigint() - started) / 1e6}\n`);
}

async function main() {
  if (jitId === '--sink') return sendOnly();
  const size = statSync(file).size;
  const started = process.hrtime.bigint();
  const b64 = (s) => Buffer.from(s).toString('base64');
  const created = await request('POST', `/api/jits/${jitId}/uploads`, {
    'tus-resumable': '1.0.0',
    'upload-length': String(size),
    'upload-metadata': `filename ${b64('bench.bin')}`,
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.body}`);
  const location = created.headers.location;
  const uploadId = location.split('/').pop();
  // Described first, so the item becomes available the moment the last byte is stored and hashed.
  const described = await request(
    'POST',
    `/api/jits/${jitId}/evidence`,
    { 'content-type': 'application/json' },
    JSON.stringify({ uploadId, title: 'Benchmark file', documentType: 'other', originatingPartyId: partyId, handlingCode: 'evidential_use_in_jit' }),
  );
  if (described.status !== 201) throw new Error(`describe: ${described.status} ${described.body}`);
  for (let offset = 0; offset < size; offset += CHUNK) {
    const end = Math.min(size, offset + CHUNK);
    const res = await request(
      'PATCH',
      location,
      { 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(end - offset) },
      createReadStream(file, { start: offset, end: end - 1 }),
    );
    if (res.status !== 204) throw new Error(`patch at ${offset}: ${res.status} ${res.body}`);
  }
  const item = JSON.parse(described.body);
  const check = await request('GET', `/api/jits/${jitId}/evidence/${item.id}`, {});
  const status = JSON.parse(check.body).status;
  if (status !== 'available') throw new Error(`item is ${status}`);
  process.stdout.write(`${Number(process.hrtime.bigint() - started) / 1e6}\n`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
