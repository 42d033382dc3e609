// Runs s3rver in its own Node process, so that the server's memory stays out of the client's RSS in
// benchmarks. Usage: node s3rver-process.js <dir> <bucket>; prints {"port":N}.
const S3rver = require('@20minutes/s3rver');

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  directory,
  silent: true,
  configureBuckets: [{ name: bucket }],
});
server.run().then(
  ({ port }) => process.stdout.write(`${JSON.stringify({ port })}\n`),
  (err) => {
    process.stderr.write(`s3rver failed to start: ${err.stack}\n`);
    process.exit(1);
  },
);
// The parent holds our stdin; when it goes away (normal close or crash), so do we.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
