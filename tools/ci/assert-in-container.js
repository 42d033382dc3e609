// Jest globalSetup for `test:container`: the run must happen inside the app's image, never on the
// host by accident. Docker creates /.dockerenv in every container; MLOPS_RUNTIME is set only by our
// runtime base images (docker/*/Dockerfile).
const { existsSync, readFileSync } = require('node:fs');

module.exports = async function assertInContainer() {
  const problems = [];
  if (!existsSync('/.dockerenv')) problems.push('/.dockerenv is missing');
  if (!process.env.MLOPS_RUNTIME) problems.push('MLOPS_RUNTIME is not set (not one of our runtime images)');
  if (problems.length) throw new Error(`test:container must run inside the image: ${problems.join('; ')}`);
  const os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'unknown OS';
  console.log(`\nin container: runtime=${process.env.MLOPS_RUNTIME} node=${process.version} os=${os}`);
};
