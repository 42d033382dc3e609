import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { containerUsage, runContainerMain } from './container-main';

describe('runContainerMain', () => {
  let dist: string;
  const argv = process.argv;
  beforeEach(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-kit-main-'));
    fs.mkdirSync(path.join(dist, 'jobs'));
  });
  afterEach(() => {
    process.argv = argv;
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('runs a processing job bundle in process, with the job arguments as its argv', () => {
    const out = path.join(dist, 'ran.json');
    fs.writeFileSync(
      path.join(dist, 'jobs', 'evaluation.js'),
      `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(1)));`,
    );
    runContainerMain({ distDir: dist, argv: ['evaluation', '--split-seed', '7'] });
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual([
      path.join(dist, 'jobs', 'evaluation.js'),
      '--split-seed',
      '7',
    ]);
  });

  it('prints the usage and exits 2 on an unknown command', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      runContainerMain({ distDir: dist, argv: ['deploy'] });
      expect(exit).toHaveBeenCalledWith(2);
      expect(error).toHaveBeenCalledWith(`unknown command "deploy"\n${containerUsage()}`);
      expect(containerUsage()).toBe(
        'usage: node main.js <train | preprocess | evaluation | inference> [job arguments...]',
      );
    } finally {
      exit.mockRestore();
      error.mockRestore();
    }
  });
});
