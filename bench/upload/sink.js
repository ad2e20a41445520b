// A reference in its own process: an HTTP server that reads and discards request bodies, to show
// what loopback HTTP alone costs on this machine. Prints its port, runs until killed.
const http = require('node:http');

const server = http.createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => res.writeHead(204).end());
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
