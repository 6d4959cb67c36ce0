import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Summary } from '../../data/summary.ts';
import { recommendation, sheet } from '../../tests/fixtures/sheets.ts';
import { stringifyCsv } from '../csv.ts';
import { runSheetCommand } from './sheet.ts';

const root = new URL('../../', import.meta.url).pathname;
const csv = (rows: string[][]) => {
  const path = join(mkdtempSync(join(tmpdir(), 'sheet-check-')), 'matrix.csv');
  writeFileSync(path, stringifyCsv(rows));
  return path;
};

describe('sheet check', () => {
  it('prints exactly the summary shape with --json, and nothing else', async () => {
    const result = await runSheetCommand(['check', `${root}data/matrix.csv`, '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['total', 'rounds', 'breakdowns', 'findings']);
    expect(Object.keys(printed.breakdowns)).toEqual(['pillar', 'criterion', 'unit', 'response']);
    expect(Summary.strict().parse(printed).total).toBe(62);
    expect(Object.keys(printed.breakdowns.pillar[0])).toEqual([
      'key',
      'label',
      'total',
      'response',
      'status',
      'implementation',
    ]);
    expect(Object.keys(printed.findings[0])).toEqual([
      'severity',
      'rule',
      'message',
      'recommendation',
      'cell',
    ]);
  });

  it('prints findings grouped by severity with their cells for a person', async () => {
    const path = csv(sheet([recommendation(1, { status2: 'TBD' }), recommendation('x')]));
    const result = await runSheetCommand(['check', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /1 recommendations; monitoring rounds: Time 2, Time 3; 1 errors, 1 warnings, 0 notes/,
    );
    expect(result.stdout).toMatch(
      /Errors[^\n]*: 1\n\s+A3 +'x' in A3 is not a recommendation number/,
    );
    expect(result.stdout).toMatch(/Warnings[^\n]*: 1\n\s+L2 #1 +Unrecognised status 'TBD' in L2/);
  });

  it('exits 1 on a structural error, still printing the summary shape with --json', async () => {
    const path = csv([
      ['Recommendation #', 'Pillar', 'Evaluation criterion', 'Recommendation'],
      ['1', '1', 'Impact', 'x'],
    ]);
    const human = await runSheetCommand(['check', path]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain("has no 'Responsible unit(s)' column");
    const json = await runSheetCommand(['check', path, '--json']);
    expect(json.code).toBe(1);
    const printed = Summary.strict().parse(JSON.parse(json.stdout));
    expect(printed.total).toBe(0);
    expect(printed.findings.map((f) => f.rule)).toEqual(['missing-column', 'missing-column']);
  });

  it('exits 2 on a usage error, saying what was wrong', async () => {
    expect(await runSheetCommand([])).toMatchObject({ code: 2 });
    expect(await runSheetCommand(['frobnicate'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown command 'frobnicate'"),
    });
    expect(await runSheetCommand(['check'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('check takes one CSV file'),
    });
    expect(await runSheetCommand(['check', '/no/such.csv'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('No such file: /no/such.csv'),
    });
    expect(await runSheetCommand(['check', 'a.csv', '--jsn'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown option --jsn'),
    });
  });

  it('runs as `npm run sheet -- check` with the exit code on the process', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      'npm',
      ['run', '--silent', 'sheet', '--', 'check', 'data/matrix.csv', '--json'],
      { cwd: root },
    );
    expect(JSON.parse(stdout).total).toBe(62);
    await expect(
      run('npm', ['run', '--silent', 'sheet', '--', 'check'], { cwd: root }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
