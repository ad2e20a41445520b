// The baseline of npm run bench:realtime: a plain socket.io server (the same package and version as
// the API's, on its own port, in its own process) with nothing in front of the broadcast: no
// authentication, no database, no Nest. On command from the parent (IPC) it replays a burst's
// schedule, emitting `jit:event` payloads of the same shape to one room holding every client, and
// reports the instant of each emit.
const { createServer } = require('node:http');
const { Server } = require('socket.io');

const now = () => performance.timeOrigin + performance.now();
const ROOM = 'bench';

const http = createServer();
// The options the API's adapter uses (websocket clients, no client bundle); everything else default.
const io = new Server(http, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => socket.join(ROOM));

// The parent owns this process: when it goes, so do we (no orphan holding a port). A clean exit
// on SIGTERM also lets --cpu-prof write its profile.
for (const event of ['disconnect', 'SIGTERM']) process.on(event, () => process.exit(0));

process.on('message', (message) => {
  if (message.type === 'clients') {
    process.send({ type: 'clients', count: io.of('/').sockets.size });
  } else if (message.type === 'burst') {
    // Each payload goes out at the offset its API request had from the first one, so both paths
    // see the same arrival pattern; the stamp is taken just before the emit, so a timer that fires
    // late does not count against the baseline.
    const { offsets, payloads } = message;
    const sent = new Array(payloads.length);
    let done = 0;
    const start = now();
    payloads.forEach((payload, i) => {
      setTimeout(
        () => {
          sent[i] = now();
          io.to(ROOM).emit('jit:event', payload);
          done += 1;
          if (done === payloads.length) process.send({ type: 'burst', sent });
        },
        Math.max(0, start + offsets[i] - now()),
      );
    });
  }
});

http.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: http.address().port }));
