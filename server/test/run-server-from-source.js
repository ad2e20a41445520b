// Starts server/src/main.ts in its own Node process straight from the TypeScript source, for the
// tests that need real server processes (server-process.ts). Why not server/dist/main.js: on a clean
// clone `npm test` never builds the server, and a dist left over from an earlier build would test
// old code. Why not ts-node or swc: they are not dependencies, while `typescript` is, and the server
// compiles file by file already (tsconfig `isolatedModules`, which ts-jest honours the same way).
// Like jest.config.js, it maps `@jit/shared` to its source, so the child runs exactly what Jest runs.
// Plain JavaScript, because it must run before a single TypeScript file can be loaded.
const Module = require('node:module');
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');

const serverDir = join(__dirname, '..');
const sharedEntry = join(serverDir, '..', 'shared', 'src', 'index.ts');

const configPath = join(serverDir, 'tsconfig.json');
const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, serverDir);
// No source maps: they double the transpile time, and the emitted lines stay close to the source.
const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: false, declaration: false, declarationMap: false, noEmit: false };

// Transpiling the ~160 files takes seconds, about as long as everything else in a boot; the output
// is kept by content so the second process, and every later run, only pays for files that changed.
const cacheDir = join(serverDir, 'node_modules', '.cache', 'run-server-from-source');
mkdirSync(cacheDir, { recursive: true });
const settings = JSON.stringify([ts.version, compilerOptions]);

function transpile(filename) {
  const source = readFileSync(filename, 'utf8');
  const cached = join(cacheDir, `${createHash('sha256').update(settings).update(filename).update(source).digest('hex')}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    // Written aside and renamed, so a process starting at the same time never reads half a file.
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, outputText);
    renameSync(partial, cached);
    return outputText;
  }
}

require.extensions['.ts'] = (module, filename) => module._compile(transpile(filename), filename);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === '@jit/shared' ? sharedEntry : request, ...rest);
};

// With --exit-with-parent, the end of stdin (the test process is gone, however it went: a crash, a
// timeout, a kill) shuts the server down, so no test leaves a server behind.
if (process.argv.includes('--exit-with-parent')) {
  process.stdin.on('end', () => {
    process.kill(process.pid, 'SIGTERM');
    setTimeout(() => process.exit(1), 5000).unref();
  });
  process.stdin.resume();
  process.stdin.unref();
}

require(join(serverDir, 'src', 'main.ts'));
