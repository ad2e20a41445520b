// A deliberately vulnerable web server, started only by scan.mjs to prove that the scanners find
// what they are pointed at: a scan that finds nothing proves nothing unless the same scanner, with
// the same options, finds a flaw planted on purpose. Not part of the product: nothing in server/ or
// client/ imports this file, the production images do not contain infra/security-scan/, and it
// listens on loopback only for the minute of the proof.
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const WITNESSES = [
  ['W-03', 'Displaced in March 2023'],
  ['W-07', 'Former detainee'],
  ['W-11', 'Checkpoint guard'],
];

const html = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Planted flaws</title></head><body>${body}</body></html>`;

function readBody(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function send(response, status, type, body) {
  response.writeHead(status, { 'content-type': type }).end(body);
}

/**
 * Two planted flaws, each the kind the product's routes must not have:
 * - POST /api/witnesses/search with a JSON body `{"name": "W-03"}` pastes `name` into SQL run by a
 *   real SQLite (better-sqlite3, the product's own driver): SQL injection for sqlmap;
 * - GET /greet?name=… writes `name` into HTML unescaped: reflected XSS for wapiti, which finds the
 *   page by crawling the link on `/`.
 */
export async function startPlantedFlaws() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE witnesses (id INTEGER PRIMARY KEY, name TEXT NOT NULL, statement TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO witnesses (name, statement) VALUES (?, ?)');
  for (const [name, statement] of WITNESSES) insert.run(name, statement);

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://planted.invalid');
    if (request.method === 'GET' && url.pathname === '/') {
      return send(response, 200, 'text/html; charset=utf-8', html('<h1>Planted flaws</h1><a href="/greet?name=visitor">Greeting</a>'));
    }
    if (request.method === 'GET' && url.pathname === '/greet') {
      // The planted XSS: the query string goes into the page as it came.
      return send(response, 200, 'text/html; charset=utf-8', html(`<p>Hello ${url.searchParams.get('name') ?? ''}</p>`));
    }
    if (request.method === 'POST' && url.pathname === '/api/witnesses/search') {
      try {
        const { name } = JSON.parse(await readBody(request));
        // The planted SQL injection: the value is pasted into the statement instead of bound.
        const rows = db.prepare(`SELECT id, name, statement FROM witnesses WHERE name = '${name}'`).all();
        return send(response, 200, 'application/json', JSON.stringify(rows));
      } catch (error) {
        return send(response, 500, 'application/json', JSON.stringify({ error: String(error) }));
      }
    }
    return send(response, 404, 'text/plain', 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
      db.close();
    },
  };
}
