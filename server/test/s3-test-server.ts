export { startS3TestServer, type S3TestServer } from '../src/storage/testing/s3-test-server';
