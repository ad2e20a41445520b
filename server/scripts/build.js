// Compiles the server with @nestjs/swagger's compiler plugin, which turns the DTO classes and their
// class-validator rules into OpenAPI schemas (plain `tsc` cannot run a transformer).
const ts = require('typescript');
const path = require('node:path');
const swaggerPlugin = require('@nestjs/swagger/plugin');

const configPath = path.join(__dirname, '..', 'tsconfig.build.json');
const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configPath));
const program = ts.createProgram(parsed.fileNames, parsed.options);
const result = program.emit(undefined, undefined, undefined, false, {
  before: [swaggerPlugin.before({ classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts'] }, program)],
});
const diagnostics = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
if (diagnostics.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => ts.sys.newLine };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}
