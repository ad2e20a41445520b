// The S3 test server in a process of its own; prints its endpoint as JSON and runs until killed.
const { startS3TestServer } = require('../../server/dist/storage/testing/s3-test-server');

startS3TestServer().then((server) => {
  process.stdout.write(`${JSON.stringify({ endpoint: server.endpoint, accessKey: server.accessKey, secretKey: server.secretKey, bucket: server.bucket })}\n`);
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
});
