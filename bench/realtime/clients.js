// A client process of npm run bench:realtime: opens its share of the sockets, each to the API server
// (authenticated with a personal API token, as a script would) and to the bare socket.io server,
// and records every `jit:event` it receives with its arrival instant. The instant is
// performance.timeOrigin + performance.now(): wall-clock based, so comparable with the instants the
// parent and the bare server take in their own processes on the same machine.
const { io } = require('socket.io-client');

const now = () => performance.timeOrigin + performance.now();
// Socket handshakes in small groups: 125 at once would measure the server's handshake queue, not
// the broadcast, and could time out on a 2-core machine.
const CONNECT_GROUP = 25;

const sockets = [];
// One flat array per source, [socket, key, arrival, ...]: compact, and sent to the parent as is.
const records = { api: [], bare: [] };
let disconnects = 0;

function open(url, auth, index, source) {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    // A dropped socket must show as lost deliveries, not be silently healed by a reconnect.
    reconnection: false,
    forceNew: true,
    ...(auth ? { auth } : {}),
  });
  sockets.push(socket);
  socket.on('jit:event', (payload) => {
    const t = now();
    // The API's sockets also hear other changes of the JIT; only the burst's task creations count.
    if (source === 'api' && payload.action !== 'task.created') return;
    records[source].push(index, source === 'api' ? payload.subject.id : payload.seq, t);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${source} socket ${index}: no connection within 30 s`)), 30_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.on('disconnect', () => (disconnects += 1));
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${source} socket ${index}: ${error.message}`));
    });
  });
}

async function connect({ api, bare, clients }) {
  for (let start = 0; start < clients.length; start += CONNECT_GROUP) {
    await Promise.all(clients.slice(start, start + CONNECT_GROUP).flatMap(({ index, token }) => [open(api, { token }, index, 'api'), open(bare, null, index, 'bare')]));
  }
}

process.on('disconnect', () => process.exit(0));

process.on('message', (message) => {
  if (message.type === 'connect') {
    connect(message).then(
      () => process.send({ type: 'connected', sockets: sockets.length }),
      (error) => process.send({ type: 'error', message: error.message }),
    );
  } else if (message.type === 'count') {
    process.send({ type: 'count', api: records.api.length / 3, bare: records.bare.length / 3, disconnects });
  } else if (message.type === 'collect') {
    process.send({ type: 'records', api: records.api, bare: records.bare, disconnects });
  } else if (message.type === 'close') {
    for (const socket of sockets) socket.close();
    process.send({ type: 'closed' });
  }
});

process.send({ type: 'ready' });
